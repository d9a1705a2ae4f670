import Foundation
import Testing
@testable import Sheets

/// A large worksheet is parsed in pieces on all cores; what it gives must be what one parse
/// gives, and whatever a piece cannot be parsed alone must send the part back to one parse.
@Suite struct SegmentedSheetParseTests {
    typealias Fixture = XLSXFixture

    /// Cut everything, into pieces of two or three rows.
    static let everything = SegmentedSheetParse.Sizes(threshold: 0, pieceSize: 200, workers: 2)

    /// The grid of `worksheet` parsed in pieces (nil when that gave up), and parsed in one go.
    private func grids(_ worksheet: String, sizes: SegmentedSheetParse.Sizes = everything) throws -> (SheetGrid?, SheetGrid) {
        let url = try Fixture.package(["xl/worksheets/sheet1.xml": worksheet])
        defer { try? FileManager.default.removeItem(at: url) }
        let package = try XLSXPackage(file: url)
        let part = try #require(package.inflater(of: "xl/worksheets/sheet1.xml"))
        let pieces = SegmentedSheetParse.grid(of: part, styles: StyleSheet(), limits: .excel,
                                              budget: InflationBudget(limits: .excel), expectedCells: 0, sizes: sizes)
        let handler = SheetXMLHandler(styles: StyleSheet())
        try package.parse("xl/worksheets/sheet1.xml", with: handler)
        return (pieces, handler.grid)
    }

    private func worksheet(_ rows: String, prefix: String = "", after: String = "") -> String {
        let colon = prefix.isEmpty ? "" : "\(prefix):"
        let namespace = prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <\(colon)worksheet \(namespace)="\(Fixture.main)"><\(colon)sheetPr codeName="a>b"/>\
            <\(colon)sheetData>\(rows)</\(colon)sheetData>\(after)</\(colon)worksheet>
            """
    }

    private static let manyRows = (1...60).map { row in
        row % 7 == 0 ? "<row r=\"\(row)\"></row>"   // blank: dropped before the next row
            : row % 5 == 0 ? "<row><c t=\"inlineStr\"><is><t>第\(row)行</t></is></c></row>"   // numbered by the row above
            : "<row r=\"\(row)\" hidden=\"\(row % 11 == 0 ? 1 : 0)\"><c r=\"A\(row)\" t=\"s\"><v>\(row)</v></c>"
                + "<c r=\"C\(row)\" t=\"str\"><v>文本\(row)</v></c><c r=\"D\(row)\"><v>\(row).5</v></c></row>"
    }.joined()

    @Test func piecesGiveTheGridOfOneParse() throws {
        let (pieces, whole) = try grids(worksheet(Self.manyRows, after: #"<mergeCells count="1"><mergeCell ref="A1:A3"/></mergeCells>"#))
        let grid = try #require(pieces)
        #expect(grid == whole)
        #expect(whole.rows.count > 40 && whole.mergedRanges.count == 1)
    }

    @Test func prefixedElementsAreCutAtTheirRows() throws {
        let rows = Self.manyRows.replacingOccurrences(of: "<", with: "<x:").replacingOccurrences(of: "<x:/", with: "</x:")
        let (pieces, whole) = try grids(worksheet(rows, prefix: "x"))
        #expect(try #require(pieces) == whole)
        #expect(whole.cells.count > 100)
    }

    @Test func aCommentOrCDATASendsThePartToOneParse() throws {
        for odd in ["<!-- 备注 -->", "<![CDATA[x]]>"] {
            let rows = Self.manyRows.replacingOccurrences(of: "<row r=\"31\"", with: "\(odd)<row r=\"31\"")
            let (pieces, whole) = try grids(worksheet(rows))
            #expect(pieces == nil)
            #expect(whole.rows.count > 40)
        }
    }

    @Test func rowsWithoutNumbersAreNeverCutApart() throws {
        let rows = (1...80).map { "<row><c><v>\($0)</v></c></row>" }.joined()
        let (pieces, whole) = try grids(worksheet(rows))
        #expect(try #require(pieces) == whole)
        #expect(whole.rows.map(\.index) == Array(0..<80))
    }

    @Test func aBrokenPieceSendsThePartToOneParse() throws {
        let rows = Self.manyRows.replacingOccurrences(of: "<row r=\"41\"", with: "<row r=\"41\"><c><v>1</v></row>")
        let url = try Fixture.package(["xl/worksheets/sheet1.xml": worksheet(rows)])
        defer { try? FileManager.default.removeItem(at: url) }
        let part = try #require(try XLSXPackage(file: url).inflater(of: "xl/worksheets/sheet1.xml"))
        let budget = InflationBudget(limits: .excel)
        #expect(SegmentedSheetParse.grid(of: part, styles: StyleSheet(), limits: .excel, budget: budget,
                                         expectedCells: 0, sizes: Self.everything) == nil)
        // What it inflated is given back for the parse in one go.
        #expect(budget.consume(ReadLimits.excel.maxInflatedBytes))
    }

    @Test func smallPartsAreParsedInOneGo() throws {
        let (pieces, _) = try grids(worksheet(Self.manyRows), sizes: .init())
        #expect(pieces == nil)
    }

    @Test func theFrameIsTheDocumentUpToTheSheetData() throws {
        let xml = worksheet("<row r=\"1\"/>", prefix: "x")
        let frame = try #require(Array(xml.utf8).withUnsafeBytes { SheetFrame(prefix: $0) })
        #expect(String(decoding: frame.header, as: UTF8.self).hasSuffix("<x:sheetData>"))
        #expect(String(decoding: frame.footer, as: UTF8.self) == "</x:sheetData></x:worksheet>")
        #expect(String(decoding: frame.rowTag, as: UTF8.self) == "<x:row")
        for unsuitable in ["<!DOCTYPE w><worksheet><sheetData>", "<worksheet><sheetData/>", "<worksheet><sheetDa"] {
            #expect(Array(unsuitable.utf8).withUnsafeBytes { SheetFrame(prefix: $0) } == nil)
        }
    }

    @Test func aCutFallsBeforeANumberedRowStartTag() throws {
        let frame = try #require(Array(worksheet("").utf8).withUnsafeBytes { SheetFrame(prefix: $0) })
        let bytes = Array(#"<row r="1"><c/></row><row spans="1:2"><c/></row><rowBreaks/><row hidden='1' r = "3"><c/></row><row r="4""#.utf8)
        let cut = bytes.withUnsafeBytes { frame.lastRowStart(in: $0, from: 1) }
        // Not the last row (its tag is cut short), nor the rows without `r`, nor <rowBreaks>.
        #expect(cut.map { String(decoding: bytes[$0...].prefix(12), as: UTF8.self) } == "<row hidden=")
    }
}
