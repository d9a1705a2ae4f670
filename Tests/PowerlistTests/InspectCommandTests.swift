import Foundation
import Testing

@Suite("inspect: what a user sees")
struct InspectCommandTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder() }

    /// `序号,事项名称,依据\n1,"行政\n许可",《统计法》第七条第一款规定的内容\n2,检查,\n` in GB18030.
    static let gb18030CSV: [UInt8] = [
        0xD0, 0xF2, 0xBA, 0xC5, 0x2C, 0xCA, 0xC2, 0xCF, 0xEE, 0xC3, 0xFB, 0xB3, 0xC6, 0x2C, 0xD2, 0xC0,
        0xBE, 0xDD, 0x0A, 0x31, 0x2C, 0x22, 0xD0, 0xD0, 0xD5, 0xFE, 0x0A, 0xD0, 0xED, 0xBF, 0xC9, 0x22,
        0x2C, 0xA1, 0xB6, 0xCD, 0xB3, 0xBC, 0xC6, 0xB7, 0xA8, 0xA1, 0xB7, 0xB5, 0xDA, 0xC6, 0xDF, 0xCC,
        0xF5, 0xB5, 0xDA, 0xD2, 0xBB, 0xBF, 0xEE, 0xB9, 0xE6, 0xB6, 0xA8, 0xB5, 0xC4, 0xC4, 0xDA, 0xC8,
        0xDD, 0x0A, 0x32, 0x2C, 0xBC, 0xEC, 0xB2, 0xE9, 0x2C, 0x0A,
    ]

    @Test func aGBKCSVIsShownWithItsEncodingRowNumbersAndVisibleLineBreaks() throws {
        try folder.write(Self.gb18030CSV, named: "事项.csv")
        let result = try folder.inspect("--rows", "2", "--width", "12", "事项.csv")
        #expect(result.exitCode == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == """
            文件：事项.csv
              格式：CSV（分隔符文本）
              编码：GB18030（GBK）；分隔符：逗号（,）
              工作表：1 个

              工作表 1/1：事项
                范围：A1:C3（3 行 × 3 列）
                非空单元格 8 个，合并区域 0 个，隐藏行 0 行
                前 2 行（↵ 表示单元格内换行）：
                行 │ A    │ B         │ C
                ───┼──────┼───────────┼────────────
                 1 │ 序号 │ 事项名称  │ 依据
                 2 │ 1    │ 行政↵许可 │ 《统计法》…
                …… 另有 1 行未显示（用 --rows 显示更多）

            """)
    }

    @Test func aCSVNamedXLSXIsReadByContentAndTheNameIsQuestioned() throws {
        try folder.write("序号,名称\n1,许可\n", named: "报表.xlsx")
        let result = try folder.inspect("报表.xlsx")
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("格式：CSV（分隔符文本）"))
        #expect(result.stdout.contains("注意：文件扩展名为 .xlsx，但实际是文本文件（CSV）。"))
    }

    @Test func theEncodingOptionOverridesDetection() throws {
        // C4 A3 reads as UTF-8 "ģ" and as GBK "模".
        try folder.write([0xC4, 0xA3, 0x0A], named: "a.csv")
        #expect(try folder.inspect("a.csv").stdout.contains("1 │ ģ"))
        let forced = try folder.inspect("--encoding", "GBK", "a.csv")
        #expect(forced.stdout.contains("1 │ 模"))
        #expect(forced.stdout.contains("编码：GB18030（GBK）"))
    }

    @Test func rowsZeroShowsOnlyTheSummary() throws {
        try folder.write("a,b\n", named: "a.csv")
        let result = try folder.inspect("--rows", "0", "a.csv")
        #expect(result.stdout.contains("范围：A1:B1（1 行 × 2 列）"))
        #expect(!result.stdout.contains("│"))
    }

    @Test func wideSheetsAreCutAtTheColumnLimit() throws {
        try folder.write("a,b,c,d,e\n", named: "宽.csv")
        let result = try folder.inspect("--columns", "2", "宽.csv")
        #expect(result.stdout.contains("行 │ A │ B\n"))
        #expect(result.stdout.contains("…… 另有 3 列未显示（用 --columns 显示更多）"))
    }

    // MARK: Real files

    @Test(.enabled(if: PowerlistCLI.realFixturesPresent, "../shared/fixtures/real is absent"))
    func aRealXLSXShowsEverySheet() throws {
        let result = try PowerlistCLI.run(["inspect", RealFixture.url("国动办权责清单公示.xlsx").path])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("格式：XLSX（Office Open XML 工作簿）"))
        #expect(!result.stdout.contains("注意："))
        #expect(result.stdout.contains("行政许可（3项）"))
        #expect(result.stdout.contains("范围："))
    }

    @Test(.enabled(if: PowerlistCLI.realFixturesPresent, "../shared/fixtures/real is absent"))
    func anXLSNamedXLSXIsCalledOut() throws {
        let result = try PowerlistCLI.run(["inspect", "--rows", "3",
                                           RealFixture.url("克拉玛依市2025年消防监督执法权责清单.xlsx").path])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("注意：文件扩展名为 .xlsx，但实际是旧格式 .xls 工作簿。"))
    }

    /// Every real published file, whatever its format, gets a report and no error.
    @Test(.enabled(if: PowerlistCLI.realFixturesPresent, "../shared/fixtures/real is absent"))
    func everyRealFileIsReported() throws {
        let result = try PowerlistCLI.run(["inspect", "--rows", "2"] + RealFixture.all, in: PowerlistCLI.realFixtures)
        #expect(!result.hasCrashReport)
        for name in RealFixture.all {
            #expect(result.stdout.contains("文件：\(name)\n"), "no report for \(name)")
        }
        #expect(result.stderr.isEmpty)
        #expect(result.exitCode == 0)
    }
}
