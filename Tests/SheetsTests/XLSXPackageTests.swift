import Foundation
import Testing
@testable import Sheets

/// Large parts are inflated on a second thread while they are parsed; the result must be the
/// same as inflating and parsing on one thread, and errors must still surface.
@Suite struct XLSXPackageTests {
    static let rows = (1...3_000).map { row in
        "<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(row)</v></c><c r=\"B\(row)\" t=\"inlineStr\"><is><t>第\(row)项</t></is></c></row>"
    }.joined()

    func parseSheet(_ xml: String, pipelineThreshold: Int) throws -> SheetGrid {
        var parts = XLSXFixture.workbookParts([.init(name: "S", rows: "")])
        parts["xl/worksheets/sheet1.xml"] = xml
        let url = try XLSXFixture.package(parts)
        defer { try? FileManager.default.removeItem(at: url) }
        let package = try XLSXPackage(file: url, pipelineThreshold: pipelineThreshold)
        let handler = SheetXMLHandler(styles: StyleSheet())
        try package.parse("xl/worksheets/sheet1.xml", with: handler, sheet: "S")
        return handler.grid
    }

    @Test func inflatingOnASecondThreadGivesTheSameGrid() throws {
        let xml = XLSXFixture.worksheet(Self.rows)
        let pipelined = try parseSheet(xml, pipelineThreshold: 0)
        let inline = try parseSheet(xml, pipelineThreshold: .max)
        #expect(pipelined.rows.count == 3_000)
        #expect(pipelined.cells.count == 6_000)
        #expect(pipelined.texts == inline.texts)
        #expect(pipelined.cells.map(\.payload) == inline.cells.map(\.payload))
    }

    @Test func malformedXMLStopsTheInflatingThread() throws {
        let xml = XLSXFixture.worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>" + Self.rows)
        #expect {
            _ = try parseSheet(xml, pipelineThreshold: 0)
        } throws: { error in
            guard let error = error as? SheetsError, case .malformedXML(let part, _, _) = error.reason else { return false }
            return part == "xl/worksheets/sheet1.xml" && error.sheet == "S"
        }
    }

    @Test func relationshipTargetsResolveAgainstTheSourcePart() {
        #expect(XLSXPackage.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(XLSXPackage.resolve("/xl/worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(XLSXPackage.resolve("../media/a%20b.png", from: "xl/drawings/drawing1.xml") == "xl/media/a b.png")
        #expect(XLSXPackage.resolve("xl/workbook.xml", from: "") == "xl/workbook.xml")
        #expect(XLSXPackage.relationshipsPart(of: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
        #expect(XLSXPackage.relationshipsPart(of: "") == "_rels/.rels")
    }
}
