import Foundation
import Testing
import ZIPFoundation
@testable import Sheets

/// What powerlist writes is data, never live content: no formula in an XLSX, and no CSV field
/// that Excel or WPS would take for one (OWASP's CSV-injection rule).
@Suite struct InertExportTests {
    static let hostile = [#"=HYPERLINK("http://example.com","点此")"#, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
                          "=cmd|' /C calc'!A0"]

    @Test(arguments: hostile)
    func aFieldThatWouldStartAFormulaGetsAQuote(_ value: String) {
        #expect(CSVText.inert(value) == "'" + value)
    }

    @Test(arguments: ["事项名称", "1", "a=b", " =1", "'=1", "", "＝全角", "—破折号"])
    func otherTextIsLeftAsWritten(_ value: String) {
        #expect(CSVText.inert(value) == value)
    }

    @Test func theXLSXWriterWritesFormulaLookingTextAsStringCellsNeverFormulas() throws {
        let folder = try ScratchFolder("inert-xlsx")
        let file = folder.url("导出.xlsx")
        let cells = Self.hostile.enumerated().map { Cell(row: 0, column: $0.offset, value: .text($0.element)) }
        try XLSXWriter().write([Sheet(name: "事项", rows: [Row(index: 0, cells: cells)])], to: file)

        let archive = try Archive(url: file, accessMode: .read)
        var sheetXML = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { sheetXML.append($0) }
        let xml = String(decoding: sheetXML, as: UTF8.self)
        #expect(!xml.contains("<f>") && !xml.contains("<f "), "no formula element")
        #expect(xml.components(separatedBy: #" t="s""#).count - 1 == Self.hostile.count, "every cell a shared string")

        // Read back, each cell is the text as written.
        let sheet = try #require(try Workbook.read(file).sheets.first)
        for (column, value) in Self.hostile.enumerated() {
            #expect(sheet[CellAddress(row: 0, column: column)] == .text(value.replacingOccurrences(of: "\r", with: "\n")))
        }
    }
}
