import Foundation
import Testing
@testable import Sheets

/// Files as real generators write them (WPS, LibreOffice, streaming writers, Strict OOXML).
@Suite struct XLSXQuirksTests {
    typealias Fixture = XLSXFixture

    @Test func cellsWithoutReferencesFollowTheirNeighbours() throws {
        let sheet = try Fixture.readSheet("""
            <row r="2"><c><v>1</v></c><c><v>2</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>
            <row><c><v>7</v></c></row><row><c r="C9"><v>9</v></c></row>
            """)
        #expect(sheet.rows.map(\.index) == [1, 2, 8])
        #expect(sheet.rows[0].cells.map(\.address.description) == ["A2", "B2", "E2", "F2"])
        #expect(sheet.rows[1].cells.map(\.address.description) == ["A3"])
        #expect(sheet[CellAddress("C9")!] == .number(9))
    }

    @Test func aWrongDimensionElementIsIgnored() throws {
        let rows = #"<row r="3"><c r="C3"><v>1</v></c></row>"#
        let parts = Fixture.workbookParts([.init(name: "S", rows: rows)])
            .merging(["xl/worksheets/sheet1.xml": "<worksheet xmlns=\"\(Fixture.main)\"><dimension ref=\"A1\"/>"
                        + "<sheetData>\(rows)</sheetData></worksheet>"]) { $1 }
        let sheet = try #require(try Fixture.read(parts).sheets.first)
        #expect(sheet.dimension == CellRange("C3"))
    }

    @Test func absoluteRelationshipTargetsAndAMissingPackageRelationshipPart() throws {
        var parts = Fixture.workbookParts([.init(name: "S", rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#)],
                                          sharedStrings: ["绝对路径"])
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"]?
            .replacingOccurrences(of: "Target=\"", with: "Target=\"/xl/")
        parts["_rels/.rels"] = nil
        let workbook = try Fixture.read(parts)
        #expect(workbook.sheets.first?[CellAddress(row: 0, column: 0)] == .text("绝对路径"))
    }

    @Test func theWorkbookIsFoundThroughThePackageRelationships() throws {
        var parts = Fixture.workbookParts([.init(name: "主表", rows: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)])
        parts["book/main.xml"] = parts.removeValue(forKey: "xl/workbook.xml")
        parts["book/_rels/main.xml.rels"] = parts.removeValue(forKey: "xl/_rels/workbook.xml.rels")?
            .replacingOccurrences(of: "Target=\"worksheets/", with: "Target=\"../xl/worksheets/")
        parts["_rels/.rels"] = parts["_rels/.rels"]?.replacingOccurrences(of: "xl/workbook.xml", with: "book/main.xml")
        #expect(try Fixture.read(parts).sheets.map(\.name) == ["主表"])
    }

    @Test func strictOOXMLNamespacesReadLikeTransitional() throws {
        var parts = Fixture.workbookParts([.init(name: "S", rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#)],
                                          sharedStrings: ["严格"])
        for (path, xml) in parts {
            parts[path] = xml
                .replacingOccurrences(of: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                      with: "http://purl.oclc.org/ooxml/spreadsheetml/main")
                .replacingOccurrences(of: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                      with: "http://purl.oclc.org/ooxml/officeDocument/relationships")
        }
        #expect(try Fixture.read(parts).sheets.first?[CellAddress(row: 0, column: 0)] == .text("严格"))
    }

    @Test func prefixedElementNamesAreMatchedByLocalName() throws {
        var parts = Fixture.workbookParts([.init(name: "S", rows: "")], sharedStrings: ["前缀"])
        parts["xl/worksheets/sheet1.xml"] = """
            <x:worksheet xmlns:x="\(Fixture.main)"><x:sheetData><x:row r="1" x:hidden="0">\
            <x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c>\
            </x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>
            """
        parts["xl/sharedStrings.xml"] = "<x:sst xmlns:x=\"\(Fixture.main)\"><x:si><x:t>前缀</x:t></x:si></x:sst>"
        let sheet = try #require(try Fixture.read(parts).sheets.first)
        #expect(sheet.rows.first?.cells.map(\.value) == [.text("前缀"), .text("内联")])
        #expect(sheet.mergedRanges == [CellRange("A1:B1")].compactMap { $0 })
    }

    @Test func partNamesAreMatchedCaseInsensitivelyAndSharedStringsMayBeMissing() throws {
        var parts = Fixture.workbookParts([.init(name: "S", rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#)],
                                          sharedStrings: ["大小写"])
        parts["xl/sharedstrings.xml"] = parts.removeValue(forKey: "xl/sharedStrings.xml")
        #expect(try Fixture.read(parts).sheets.first?[CellAddress(row: 0, column: 0)] == .text("大小写"))

        parts["xl/sharedstrings.xml"] = nil
        let sheet = try #require(try Fixture.read(parts).sheets.first)
        #expect(sheet.rows.isEmpty, "a shared-string index with no table reads as an empty cell")
    }

    @Test func chartSheetsAreSkipped() throws {
        var parts = Fixture.workbookParts([.init(name: "数据", rows: ""), .init(name: "图表", rows: "")])
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"]?
            .replacingOccurrences(of: "relationships/worksheet\" Target=\"worksheets/sheet2.xml",
                                  with: "relationships/chartsheet\" Target=\"chartsheets/sheet1.xml")
        #expect(try Fixture.read(parts).sheets.map(\.name) == ["数据"])
    }
}
