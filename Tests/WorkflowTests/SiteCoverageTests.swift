import Catalogue
import Foundation
import Publisher
import Testing
import Workflow

/// `publish` with a guidance catalogue named in `powerlist.yaml`: the site's coverage figures
/// come from the same matching as `powerlist reconcile`.
@Suite struct SiteCoverageTests {
    /// A workspace whose guidance (a revision) has three items; the statistics bureau's 2024
    /// list implements two of them.
    private func workspace(config: String) throws -> TestWorkspace {
        let test = try TestWorkspace()
        try Data(config.utf8).write(to: test.folder.appendingPathComponent("powerlist.yaml"))
        _ = try test.importJob(revision: "指导目录").run(try test.csv("指导目录.csv", [
            TestWorkspace.header,
            ["1", "统计调查项目审批", "", "行政许可", "《中华人民共和国统计法》第十二条", "县级主管部门"],
            ["2", "对拒绝提供统计资料的处罚", "", "行政处罚", "《中华人民共和国统计法》第四十一条", "县级主管部门"],
            ["3", "食品经营许可", "", "行政许可", "《中华人民共和国食品安全法》第三十五条", "县级主管部门"],
        ]))
        _ = try test.importJob(revision: "2024").run(try test.csv("县统计局.csv", [
            TestWorkspace.header,
            ["1", "统计调查项目审批", "", "行政许可", "《中华人民共和国统计法》第十二条", "县统计局"],
            ["2", "对拒绝提供统计资料的处罚", "", "行政处罚", "《中华人民共和国统计法》第四十一条", "县统计局"],
            ["3", "统计执法检查", "", "行政检查", "《中华人民共和国统计法》第三十五条", "县统计局"],
        ]))
        return test
    }

    @Test("The units' coverage and the missing guidance items come from the configured catalogue")
    func coverage() throws {
        let test = try workspace(config: "guidance: 指导目录\n")
        let content = try SitePublication(workspace: test.workspace, options: .init(revision: "2024")).content()
        let coverage = try #require(content.coverage)
        #expect(coverage.guidanceName == "指导目录")
        #expect(coverage.guidanceTotal == 3)
        #expect(coverage.implemented == 2)
        #expect(coverage.missing.map(\.name) == ["食品经营许可"])
        let unit = try #require(coverage.units.first)
        #expect(coverage.units.count == 1)
        #expect((unit.implemented, unit.guidanceTotal) == (2, 3))
        #expect(Set(unit.matches.map(\.guidance.name)) == ["统计调查项目审批", "对拒绝提供统计资料的处罚"])
        // Every match links to a published item of the unit.
        let keys = Set(content.items.map(\.item.key))
        #expect(unit.matches.allSatisfy { keys.contains($0.local) })
    }

    @Test("Without a guidance catalogue in the config the site shows no coverage")
    func noGuidance() throws {
        let test = try workspace(config: "region: 某县\n")
        #expect(try SitePublication(workspace: test.workspace, options: .init(revision: "2024")).content().coverage == nil)
    }

    @Test("A guidance file that does not exist is a Chinese error naming it")
    func missingFile() throws {
        let test = try workspace(config: "guidance:\n  file: 没有的指导目录.xlsx\n  level: 区县级\n")
        #expect { try SitePublication(workspace: test.workspace, options: .init(revision: "2024")).content() } throws: {
            "\($0)".contains("没有的指导目录.xlsx")
        }
    }
}
