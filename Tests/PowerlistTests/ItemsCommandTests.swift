import Foundation
import Testing

@Suite struct ItemsCommandTests {
    @Test func listsTheLatestRevisionsItemsWithTheirSourceCell() throws {
        let folder = try SeededWorkspace.make()
        let result = try PowerlistCLI.run(["items"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("序号 │ 事项名称 / 子项") == true)
        #expect(result.stdout.contains("对违法行为的处罚 / 对未按规定报送的处罚"))
        #expect(result.stdout.contains("商务局.xlsx 权责清单!B5:B7"))
        #expect(result.stdout.contains("乌尔禾镇.xlsx Sheet1!C3"))
        #expect(result.stdout.contains("行政确认"), "a line break inside a category is dropped for display")
        #expect(lines.last == "修订版 2024：共 4 项符合条件（4 条记录，含子项）。")
    }

    @Test func alignsColumnsByDisplayWidth() throws {
        let result = try PowerlistCLI.run(["items", "--workspace", SeededWorkspace.make().path])
        let lines = result.stdout.split(separator: "\n").map(String.init).filter { $0.contains(".xlsx") }
        // The source column starts at the same terminal column on every row.
        let starts = Set(lines.map { line in
            let prefix = (line.components(separatedBy: "乌尔禾镇.xlsx").first ?? "").components(separatedBy: "商务局.xlsx").first ?? ""
            return prefix.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
        })
        #expect(lines.count == 4)
        #expect(starts.count == 1)
    }

    @Test func combinesFilters() throws {
        let folder = try SeededWorkspace.make()
        let result = try PowerlistCLI.run(["items", "--revision", "2024", "--unit", "商务", "--category", "行政 处罚"], in: folder)
        #expect(result.stdout.contains("对违法行为的处罚"))
        #expect(result.stdout.hasSuffix("修订版 2024：共 1 项符合条件（1 条记录，含子项）。\n"))

        let township = try PowerlistCLI.run(["items", "--level", "乡镇"], in: folder)
        #expect(township.stdout.contains("农村宅基地审批") && !township.stdout.contains("商务局"))

        let limited = try PowerlistCLI.run(["items", "--text", "商业", "--limit", "1"], in: folder)
        #expect(limited.stdout.contains("单用途商业预付卡检查"))

        let none = try PowerlistCLI.run(["items", "--text", "不存在的事项"], in: folder)
        #expect(none.exitCode == 0)
        #expect(none.stdout == "修订版 2024 中没有符合条件的事项。\n")
    }

    @Test func tellsHowManyItemsTheLimitHid() throws {
        let result = try PowerlistCLI.run(["items", "--limit", "2"], in: SeededWorkspace.make())
        #expect(result.stdout.contains("修订版 2024：共 4 项符合条件（4 条记录，含子项），显示前 2 条。"))
    }

    @Test func reportsAnUnknownRevisionAndAMissingWorkspaceInChinese() throws {
        let unknown = try PowerlistCLI.run(["items", "--revision", "2023"], in: SeededWorkspace.make())
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderr == "错误：修订版“2023”不存在。已有修订版：2024。\n")

        let empty = try PowerlistCLI.run(["items"], in: SeededWorkspace.temporaryFolder())
        #expect(empty.exitCode == 1)
        #expect(empty.stderr.hasPrefix("错误：文件夹 "))
        #expect(empty.stderr.contains("请先用 powerlist import 导入文件"))
    }
}
