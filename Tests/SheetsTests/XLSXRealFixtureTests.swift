import Foundation
import Testing
@testable import Sheets

/// The real published power lists in ../shared/fixtures/real. Expected sheet names, merged-range
/// and cell counts are what openpyxl 3.1.5 reports for the same files.
@Suite(.enabled(if: RealWorkbookFiles.present, "../shared/fixtures/real is absent"))
struct XLSXRealFixtureTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        var sheets: [String]
        var mergedRanges: [Int]
        var cells: [Int]
        var description: String { file }
    }

    static let expectations = [
        Expectation(file: "克拉玛依市商务局2024年权责清单.xlsx", sheets: ["1"], mergedRanges: [2], cells: [351]),
        Expectation(file: "2025年克拉玛依市统计局权责清单.xlsx", sheets: ["Sheet1"], mergedRanges: [47], cells: [54]),
        Expectation(file: "国动办权责清单公示.xlsx",
                    sheets: ["行政检查（3项）", "行政许可（3项）", "行政征收（1项）", "行政处罚（5项）", "其他行政权力（5项）"],
                    mergedRanges: [3, 31, 3, 3, 3], cells: [58, 70, 30, 86, 86]),
        Expectation(file: "克拉玛依市档案局2024年权责清单.xlsx", sheets: ["Sheet1", "Sheet2", "Sheet3"],
                    mergedRanges: [169, 0, 0], cells: [159, 0, 0]),
        Expectation(file: "克拉玛依市委宣传部（新闻出版局）2024年权责清单 (1).xlsx", sheets: ["Sheet1", "Sheet2", "Sheet3"],
                    mergedRanges: [18, 0, 0], cells: [27, 0, 0]),
    ]

    @Test(arguments: expectations)
    func readsSheetNamesMergedRangesAndCells(_ expected: Expectation) throws {
        let workbook = try Workbook.read(RealWorkbookFiles.url(expected.file))
        #expect(workbook.format == .xlsx)
        #expect(workbook.sheets.map(\.name) == expected.sheets)
        #expect(workbook.sheets.map(\.mergedRanges.count) == expected.mergedRanges)
        #expect(workbook.sheets.map(\.cellCount) == expected.cells)
    }

    @Test func theCommerceBureauHeaderKeepsItsLineBreak() throws {
        let sheet = try #require(try Workbook.read(RealWorkbookFiles.url("克拉玛依市商务局2024年权责清单.xlsx")).sheets.first)
        #expect(sheet[CellAddress("C2")!] == .text("子项\n名称"))
        #expect(sheet[CellAddress("A3")!]?.text == "1")
    }

    @Test func theArchivesBureauHiddenRowsAreMarked() throws {
        let sheet = try #require(try Workbook.read(RealWorkbookFiles.url("克拉玛依市档案局2024年权责清单.xlsx")).sheets.first)
        #expect(sheet.rows.filter(\.isHidden).map { $0.index + 1 } == [70, 71, 72, 73, 78, 79, 80, 85])
    }

    @Test func theFireServiceFileIsAnOLE2WorkbookDespiteItsName() throws {
        #expect(try Workbook.sniffFormat(of: RealWorkbookFiles.url("克拉玛依市2025年消防监督执法权责清单.xlsx")) == .xls)
    }
}
