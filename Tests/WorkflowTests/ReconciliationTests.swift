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
}
