import Foundation
import Testing
import ZIPFoundation
@testable import Sheets

@Suite struct XLSXWriterTests {
    /// A header and two items, with Chinese text, a line break, XML specials and a merged range.
    let sheet = Sheet(name: "事项（2024）", rows: [
        Row(index: 0, cells: [Cell(row: 0, column: 0, value: .text("序号")), Cell(row: 0, column: 1, value: .text("事项名称")),
                              Cell(row: 0, column: 2, value: .text("实施依据"))]),
        Row(index: 1, cells: [Cell(row: 1, column: 0, value: .number(1)), Cell(row: 1, column: 1, value: .text("对外贸易经营者备案登记")),
                              Cell(row: 1, column: 2, value: .text("【法律】《对外贸易法》\n第九条 <A&B> \"引号\""))]),
        Row(index: 2, cells: [Cell(row: 2, column: 0, value: .number(2.5)), Cell(row: 2, column: 1, value: .text("对外贸易经营者备案登记")),
                              Cell(row: 2, column: 2, value: .bool(true))]),
    ], mergedRanges: [CellRange("B2:B3")!])

    private func written(_ sheets: [Sheet], options: XLSXWriter.Options = .init()) throws -> [String: String] {
        let folder = try ScratchFolder("xlsx-writer").folder
        let file = folder.appendingPathComponent("导出.xlsx")
        try XLSXWriter(options: options).write(sheets, to: file)
        let archive = try Archive(url: file, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    @Test func writesEveryPartOfAMinimalPackage() throws {
        let parts = try written([sheet])
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                    "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
        #expect(parts["xl/workbook.xml"]?.contains(#"<sheet name="事项（2024）" sheetId="1" r:id="rId1"/>"#) == true)
    }

    @Test func storesEachDistinctTextOnceEscapedForXML() throws {
        let strings = try #require(try written([sheet])["xl/sharedStrings.xml"])
        #expect(strings.contains(#"count="6" uniqueCount="5""#))
        #expect(strings.contains("<t xml:space=\"preserve\">【法律】《对外贸易法》\n第九条 &lt;A&amp;B&gt; &quot;引号&quot;</t>"))
        #expect(strings.components(separatedBy: "对外贸易经营者备案登记").count == 2)
    }

    @Test func writesNumbersBooleansAndTextCellsWithTheirStyles() throws {
        let worksheet = try #require(try written([sheet])["xl/worksheets/sheet1.xml"])
        #expect(worksheet.contains(#"<c r="A1" s="1" t="s"><v>0</v></c>"#))
        #expect(worksheet.contains(#"<c r="A2" s="2"><v>1</v></c>"#))
        #expect(worksheet.contains(#"<c r="A3" s="2"><v>2.5</v></c>"#))
        #expect(worksheet.contains(#"<c r="C3" s="2" t="b"><v>1</v></c>"#))
        #expect(worksheet.contains(#"<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>"#))
    }

    @Test func freezesAndFiltersTheHeaderRow() throws {
        let parts = try written([sheet])
        let worksheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(worksheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(worksheet.contains(#"<autoFilter ref="A1:C3"/>"#))
        #expect(parts["xl/workbook.xml"]?.contains(#"localSheetId="0" hidden="1">'事项（2024）'!$A$1:$C$3</definedName>"#) == true)

        let plain = try #require(try written([sheet], options: .init(headerRow: false))["xl/worksheets/sheet1.xml"])
        #expect(!plain.contains("<pane") && !plain.contains("autoFilter") && !plain.contains(" s=\""))
    }

    @Test func sizesColumnsByContentCountingChineseCharactersTwice() throws {
        // 11 Chinese characters → 22 + 2; the basis column's longest line is 16 wide → capped or exact.
        func widths(maximum: Int) throws -> [Int] {
            var strings = XLSXStringTable()
            return try XLSXWorksheet(SheetSource(sheet), decoration: .none, maximumWidth: maximum, strings: &strings).widths
        }
        #expect(try widths(maximum: 60)[0] == 6)
        #expect(try widths(maximum: 60)[1] == 24)
        #expect(try widths(maximum: 10)[1] == 10)
    }

    @Test func makesSheetNamesExcelAccepts() {
        #expect(XLSXParts.sheetNames(["a/b", "", "Sheet", "sheet", String(repeating: "长", count: 40)])
                == ["a_b", "Sheet2", "Sheet", "sheet(2)", String(repeating: "长", count: 31)])
    }

    @Test func encodesCharactersXMLCannotCarryAndProtectsLiteralEscapes() {
        #expect(XLSXParts.cellText("a\u{0B}b") == "a_x000B_b")
        #expect(XLSXParts.cellText("_x0041_") == "_x005F_x0041_")
        #expect(XLSXParts.cellText("a_b\tc") == "a_b\tc")
        #expect(XLSXParts.cellText("a\u{FFFF}（全角）") == "a_xFFFF_（全角）")
        #expect(XLSXParts.cellText(String(repeating: "字", count: 40_000)).count == 32_767)
    }

    @Test func replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws {
        let folder = try ScratchFolder("xlsx-writer").folder
        let file = folder.appendingPathComponent("out.xlsx")
        try Data("old".utf8).write(to: file)
        try XLSXWriter().write([sheet], to: file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.xlsx"])
        #expect(try Workbook.sniffFormat(of: file) == .xlsx)
    }

    @Test func reportsAFolderThatDoesNotExistInChinese() {
        let file = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/out.xlsx")
        #expect(throws: XLSXWriterError(file: file.path, detail: "文件夹 \(file.deletingLastPathComponent().path) 不存在。")) {
            try XLSXWriter().write([sheet], to: file)
        }
    }

    @Test func refusesASheetBeyondExcelsLimits() throws {
        let huge = Sheet(name: "大", rows: [Row(index: 1_048_576, cells: [Cell(row: 1_048_576, column: 0, value: .text("x"))])])
        let file = try ScratchFolder("xlsx-writer").url("huge.xlsx")
        #expect(throws: XLSXWriterError.self) { try XLSXWriter().write([huge], to: file) }
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    /// Needs the XLSX reader (Sources/Sheets/XLSXReader.swift); fails while it is a placeholder.
    @Test func readsBackWithTheXLSXReader() throws {
        let folder = try ScratchFolder("xlsx-writer").folder
        let file = folder.appendingPathComponent("roundtrip.xlsx")
        try XLSXWriter().write([sheet, Sheet(name: "空")], to: file)
        let workbook = try Workbook.read(file)
        #expect(workbook.sheets.map(\.name) == ["事项（2024）", "空"])
        let read = try #require(workbook.sheets.first)
        #expect(read[CellAddress("C2")!] == sheet[CellAddress("C2")!])
        #expect(read[CellAddress("A3")!] == .number(2.5))
        #expect(read.mergedRanges == sheet.mergedRanges)
    }
}
