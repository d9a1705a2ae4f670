import Catalogue
import Foundation
import Reconcile
import Testing
import Workflow

/// The example county's 2023 lists against its guidance catalogue (`指导目录.xlsx`, sheets 地州级
/// and 区县级), end to end: import, reconcile, figures.
@Suite struct ReconciliationTests {
    static let example = TestWorkspace.packageRoot.appendingPathComponent("Catalogues/examples/阿克塔什县", isDirectory: true)

    /// The guidance items the generator left out of every county list (manifest `notListedByCounty`).
    static func notListed() throws -> [String] {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: example.appendingPathComponent("manifest.json")))
        let guidance = (manifest as? [String: Any])?["guidance"] as? [String: Any]
        return try #require(guidance?["notListedByCounty"] as? [String])
    }

    @Test func exampleCountyAgainstItsGuidance() throws {
        let test = try TestWorkspace()
        let job = try test.importJob(revision: "2023")
        _ = job.run(SourceFiles(arguments: [Self.example.appendingPathComponent("2023").path]).files)
        let reconciliation = try WorkspaceReconciliation(workspace: test.workspace, revision: "2023")
        let outcome = try reconciliation.run(guidance: Self.example.appendingPathComponent("指导目录.xlsx").path, level: .county)
        let result = outcome.reconciliation
        let missing = Set(result.entries.filter { $0.kind == .missing }.compactMap(\.guidance?.name))
        for name in try Self.notListed() { #expect(missing.contains(name), "\(name) should be 缺项") }
        #expect(result.entries.allSatisfy { $0.level == .county })
        #expect(outcome.figures.guidanceItems == result.guidanceTotal)
        #expect(outcome.figures.coverageRate > 0.5)
        #expect(outcome.figures.matched + outcome.figures.differs + outcome.figures.missing == outcome.figures.guidanceItems)
    }

    @Test func unknownGuidanceIsAChineseError() throws {
        let test = try TestWorkspace()
        let job = try test.importJob(revision: "2024")
        _ = job.run(try test.csv("县统计局.csv", [["序号", "事项名称", "权力类型"], ["1", "统计调查项目审批", "行政许可"]]))
        let reconciliation = try WorkspaceReconciliation(workspace: test.workspace)
        #expect { try reconciliation.run(guidance: "没有这个版本") } throws: {
            "\($0)".contains("既不是工作区中的版本")
        }
    }

    /// 2023: the county's housing bureau lists a power with the remark 已下放至乡镇; 2024: it no
    /// longer lists it and no township does — claimed by none after the move. With a township
    /// holding it in 2024, nothing is reported.
    @Test func aMoveRecordedAtThePreviousRevisionMustBeHeldNow() throws {
        let header = ["序号", "事项名称", "权力类型", "实施依据", "备注"]
        let basis = "【法律】《中华人民共和国城乡规划法》第六十五条"
        for withTownship in [false, true] {
            let test = try TestWorkspace()
            _ = try test.importJob(revision: "2023").run(test.csv("某某县住房和城乡建设局.csv", [header,
                ["1", "对违法建设行为的处罚", "行政处罚", basis, "已下放至乡镇"], ["2", "对违规使用建筑材料的处罚", "行政处罚", basis, ""]]))
            let job = try test.importJob(revision: "2024")
            _ = job.run(try test.csv("某某县住房和城乡建设局.csv", [header, ["1", "对违规使用建筑材料的处罚", "行政处罚", basis, ""]]))
            if withTownship {
                _ = job.run(try test.csv("某某镇.csv", [["序号", "事项名称", "权力类型", "实施依据", "行使主体"],
                                                       ["1", "对违法建设行为的处罚", "其他行政事项", basis, "某某镇"]]))
            }
            let outcome = try WorkspaceReconciliation(workspace: test.workspace, revision: "2024").run(guidance: "2023")
            let unclaimed = outcome.reconciliation.entries.filter { $0.kind == .unclaimed }
            #expect(unclaimed.map(\.local.first?.name) == (withTownship ? [] : ["对违法建设行为的处罚"]))
            #expect(unclaimed.allSatisfy { $0.level == .township && $0.reasons.first?.text.contains("已下放至乡镇") == true })
            let explicit = try WorkspaceReconciliation(workspace: test.workspace, revision: "2024").run(guidance: "2023", compare: "2023")
            #expect(explicit.reconciliation.count(.unclaimed) == unclaimed.count)
        }
    }
}
