import Foundation
import Store
import Testing

/// `import --date` records when the edition was published; the workspace folder is created on demand.
@Suite struct ImportRevisionDateTests {
    @Test func aCSVImportsIntoANewWorkspaceWithTheRevisionDate() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        try Data("序号,事项名称,权力类型\n1,对统计违法行为的处罚,行政处罚\n2,统计调查项目审批,行政许可\n".utf8)
            .write(to: folder.appendingPathComponent("统计局.csv"))
        let result = try PowerlistCLI.run(["import", "--revision", "2024", "--date", "2024-06-30",
                                           "--workspace", "新工作区", "统计局.csv"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("事项 2 项（记录 2 条）"))

        let workspace = try Workspace.open(folder: folder.appendingPathComponent("新工作区"), create: false)
        let revision = try #require(try workspace.revisions().first)
        #expect(revision.label == "2024")
        #expect(revision.date == ImportCommandDate.utcMidnight(2024, 6, 30))
    }

    @Test func anImpossibleDateIsRefusedBeforeAnythingIsWritten() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        let result = try PowerlistCLI.run(["import", "--revision", "2024", "--date", "2024-02-30", "x.csv"], in: folder)
        #expect(result.exitCode != 0)
        #expect(result.stderr.hasPrefix("错误：日期“2024-02-30”的格式不对"))
        #expect(result.stderr.contains("用法：powerlist import"))
        #expect(!result.stderr.contains("Error:"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("powerlist.sqlite").path))
    }
}

enum ImportCommandDate {
    static func utcMidnight(_ year: Int, _ month: Int, _ day: Int) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))
    }
}
