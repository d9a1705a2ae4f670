import Testing
@testable import Sheets

/// The scanner reads a large sheet's plain XML without libxml2. For every document it accepts,
/// its events must be libxml2's; everything else it must leave to libxml2.
@Suite struct PlainXMLScannerTests {
    private func scanned(_ document: String) -> [String]? {
        Array(document.utf8).withUnsafeBufferPointer { XMLEventLog.scanned($0) }
    }

    private func parsed(_ document: String) -> [String]? {
        Array(document.utf8).withUnsafeBufferPointer { XMLEventLog.parsed($0) }
    }

    static let accepted = [
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + "\n<worksheet xmlns=\"m\"><sheetData><row r=\"1\" spans=\"1:3\"><c r=\"A1\" t=\"s\"><v>12</v></c>"
            + "<c r=\"B1\" s='2'><v>3.5</v></c><c r=\"C1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> 事项 </t></is></c>"
            + "</row><row r=\"2\"/></sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:A2\"/></mergeCells></worksheet>",
        // Prefixed elements and attributes (Strict files, Excel's x14ac), namespace declarations unreported.
        #"<x:worksheet xmlns:x="m" xmlns:x14ac="n"><x:sheetData><x:row r="1" x14ac:dyDescent="0.25"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"#,
        // References in text, a `>` and whitespace around the root, a byte order mark.
        "\u{FEFF}<a>&lt;b&gt; &amp; &quot;&apos; &#20107;&#x9879; a>b</a>\n",
        "<a\n  b = 'x'\t c=\"y\" ></a >",
        "<a><b/><b></b>\n  <c>text</c></a>",
    ]

    @Test(arguments: accepted)
    func acceptedDocumentsGiveLibxml2sEvents(_ document: String) throws {
        let events = try #require(scanned(document))
        #expect(events == parsed(document))
        #expect(!events.isEmpty)
    }

    @Test func entitiesAreDecodedAndDeclarationsLeftOut() throws {
        let events = try #require(scanned(#"<a xmlns="m" xmlns:p="n" p:b="1"><c>&amp;&#x41;&#66;</c></a>"#))
        #expect(events == [#"<a b="1">"#, "<c>", #"text "&AB""#, "</c>", "</a>"])
    }

    static let leftToLibxml2 = [
        "<a><!-- 备注 --></a>", "<a><![CDATA[x]]></a>", "<a><?pi x?></a>", "<!DOCTYPE a><a/>",
        "<a>&nbsp;</a>", "<a>&#0;</a>", "<a>&#xD800;</a>", "<a>&#-1;</a>", "<a b=\"&amp;\"/>", "<a b=\"x\ny\"/>",
        "<a>x\r\ny</a>", "<a>\u{1}</a>", "<a>\u{FFFF}</a>", "<a>]]></a>",
        "<a></b>", "<a>", "<a/><b/>", "text<a/>", "<a/>text", "", "<a b=\"1\" b=\"2\"/>", "<a b=\"1\"c=\"2\"/>",
        "<a b=1/>", "<a b/>", "< a/>", "<1a/>", "<事项/>", "<x:a/>", "<a x:b=\"1\"/>", "<a xmlns:x=\"\"/>",
        "<a::b xmlns:a=\"m\"/>", "<a xmlns:xml=\"m\"/>", "<a xmlns=\"m\" xmlns=\"n\"/>",
        #"<?xml version="1.0" encoding="GBK"?><a/>"#, #"<?xml encoding="UTF-8"?><a/>"#, "<?xml version=\"2\"?><a/>",
        " <?xml version=\"1.0\"?><a/>",
        String(repeating: "<a>", count: PlainXMLScanner.maxDepth + 1) + String(repeating: "</a>", count: PlainXMLScanner.maxDepth + 1),
    ]

    @Test(arguments: leftToLibxml2)
    func anythingButPlainWellFormedMarkupIsLeftToLibxml2(_ document: String) {
        #expect(scanned(document) == nil)
    }

    @Test func invalidUTF8IsLeftToLibxml2() {
        let bytes: [UInt8] = Array("<a>".utf8) + [0xE4, 0xBA] + Array("</a>".utf8)
        #expect(bytes.withUnsafeBufferPointer { XMLEventLog.scanned($0) } == nil)
    }

    @Test func aPrefixIsDeclaredForItsElementAndWhatItHolds() {
        #expect(scanned(#"<r><a xmlns:p="m"><p:b/></a></r>"#) != nil)
        #expect(scanned(#"<r><a xmlns:p="m"/><p:b/></r>"#) == nil)   // out of scope once `a` ends
        #expect(scanned(#"<r><p:a xmlns:p="m" p:b="1"/></r>"#) != nil) // declared on the tag itself
    }
}
