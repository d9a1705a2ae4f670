@testable import powerlist
import Sheets
import Testing

@Suite("inspect: rendering")
struct InspectRenderingTests {
    @Test func chineseAndFullWidthCharactersTakeTwoColumns() {
        #expect(DisplayWidth.of("序号A") == 5)
        #expect(DisplayWidth.of("（3项）") == 7)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("𠀀") == 2)
    }

    @Test func truncationCountsColumnsAndEndsInAnEllipsis() {
        #expect(DisplayWidth.truncate("中华人民共和国", to: 6) == "中华…")
        #expect(DisplayWidth.truncate("中华", to: 4) == "中华")
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
    }

    @Test func cellTextShowsLineBreaksAndHidesControlCharacters() {
        let preview = SheetPreview(sheet: Sheet(name: "S"), rowLimit: 8, columnLimit: 30, cellWidth: 40)
        #expect(preview.display("子项\n名称") == "子项↵名称")
        #expect(preview.display("a\r\nb\rc") == "a↵b↵c")
        #expect(preview.display("a\tb") == "a b")
    }

    @Test func cellsCoveredByAMergedRangeAreMarkedAndHiddenRowsLabelled() throws {
        let sheet = Sheet(name: "清单", rows: [
            Row(index: 0, cells: [Cell(row: 0, column: 0, value: .text("标题"))]),
            Row(index: 1, isHidden: true, cells: [Cell(row: 1, column: 0, value: .number(1)),
                                                  Cell(row: 1, column: 1, value: .text("许可"))]),
        ], mergedRanges: [try #require(CellRange("A1:B1"))])
        let table = try #require(SheetPreview(sheet: sheet, rowLimit: 8, columnLimit: 30, cellWidth: 10).table())
        #expect(table.header == ["行", "A", "B"])
        #expect(table.rows == [["1", "标题", "〃"], ["2（隐藏）", "1", "许可"]])
    }

    @Test func theTableLinesUpMixedWidthText() {
        let table = TextTable(header: ["行", "A", "B"], rows: [["1", "序号", "x"], ["10", "ab", ""]])
        #expect(table.render() == """
            行 │ A    │ B
            ───┼──────┼──
             1 │ 序号 │ x
            10 │ ab   │

            """)
    }

    @Test func anEmptySheetHasNoTable() {
        #expect(SheetPreview(sheet: Sheet(name: "空"), rowLimit: 8, columnLimit: 30, cellWidth: 10).table() == nil)
    }

    @Test(arguments: [
        ("清单.xlsx", SpreadsheetFormat.xlsx, nil),
        ("清单.XLS", .xls, nil),
        ("清单.xlsx", .xls, "注意：文件扩展名为 .xlsx，但实际是旧格式 .xls 工作簿。"),
        ("清单.xls", .xlsx, "注意：文件扩展名为 .xls，但实际是新格式 .xlsx 工作簿（ZIP 压缩包）。"),
        ("清单", .csv, "注意：文件没有扩展名，实际是文本文件（CSV）。"),
    ] as [(String, SpreadsheetFormat, String?)])
    func theExtensionIsComparedWithTheRealFormat(path: String, format: SpreadsheetFormat, warning: String?) {
        #expect(FileExtensionCheck.warning(path: path, format: format) == warning)
    }
}
