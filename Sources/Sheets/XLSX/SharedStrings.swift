/// The shared-string table (`xl/sharedStrings.xml`): every distinct text of the workbook,
/// which cells with `t="s"` refer to by index.
///
/// Cells get the table's own `String`s, so a text repeated in thousands of cells is stored once.
enum SharedStrings {
    static func read(from package: XLSXPackage, part: String) throws(SheetsError) -> [String] {
        let handler = SharedStringsHandler()
        try package.parse(part, with: handler)
        return handler.strings
    }
}

/// `<si>` is either `<t>text</t>` or rich text: runs `<r><t>…</t></r>` that are concatenated.
/// Phonetic guides (`<rPh><t>…</t></rPh>`, furigana) are not part of the text.
private final class SharedStringsHandler: XMLStreamHandler {
    var strings: [String] = []
    private var text = TextBuffer()
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("si") {
            inItem = true
            text.removeAll()
        } else if name.is("t") {
            inText = inItem && phoneticDepth == 0
        } else if name.is("rPh") {
            phoneticDepth += 1
        } else if name.is("sst"), let count = attributes.value("uniqueCount").flatMap(OOXMLText.integer) {
            strings.reserveCapacity(min(count, 1 << 22)) // a hint only: never trust it for a huge allocation
        }
    }

    override func endElement(_ name: XMLName) {
        if name.is("t") {
            inText = false
        } else if name.is("si") {
            strings.append(text.makeString())
            inItem = false
        } else if name.is("rPh") {
            phoneticDepth -= 1
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inText { text.append(bytes) }
    }
}
