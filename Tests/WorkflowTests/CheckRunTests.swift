import Catalogue
import Foundation
import Testing
@testable import Store
@testable import Workflow
import GRDB

/// The clean step inside the import, and `CheckRun` over what the import stored.
@Suite struct CheckRunTests {
    /// A 行政许可 set by a 规范性文件 only (行政许可法 第十四至十七条): a check finding, counted
    /// apart from the import findings, and stored under the `check` stage.
    @Test func importCountsCheckFindingsApartFromImportFindings() throws {
        let test = try TestWorkspace()
        let file = try test.csv("阿克塔什县文化体育广播电视和旅游局.csv", [TestWorkspace.header,
                                          ["1", "歌舞娱乐场所设立许可", "", "行政许可", "【规范性文件】《关于加强娱乐场所管理的通知》", ""]])
        let report = try test.importJob().run(file)
        #expect(report.findingCount == report.newFindings.count)
        #expect(report.newFindings.allSatisfy { $0.code.stage == "import" })
        #expect(report.checkFindingCount > 0)
        let stored = try test.workspace.findings(revision: "2024", stage: CheckRun.stage)
        #expect(stored.contains { $0.code == .insufficientBasis })
        let items = try test.workspace.powerItems(revision: "2024")
        #expect(items.first?.category?.code == "XK")
        #expect(items.first?.citations.first?.title == "关于加强娱乐场所管理的通知")
    }

    /// Checking again what the import cleaned changes no clean item (the stored clean view
    /// round-trips), finds the same per-item findings, and replaces the check stage.
    @Test func reCheckIsStableAndReplacesTheCheckStage() throws {
        let test = try TestWorkspace()
        let rows = [TestWorkspace.header,
                    ["1", "对拒绝配合统计\n调查的处罚", "", "行政 处罚", "【法律】《中华人民共和国统计法》第四十一条第一款", ""],
                    ["2", "对拒绝配合统计调查的处罚", "", "行政处罚", "", ""]]
        _ = try test.importJob().run(try test.csv("a.csv", rows))
        let run = CheckRun(workspace: test.workspace, schemas: try test.schemas())
        let first = try run.run(revision: "2024")
        let second = try run.run(revision: "2024")
        #expect(first.recleaned == 0)
        #expect(second.findings == first.findings)
        #expect(first.findings.contains { $0.code == .duplicateItem }, "cross-item checks run too")
        #expect(first.findings.contains { $0.code == .missingBasis })
        #expect(try test.workspace.findings(revision: "2024", stage: CheckRun.stage).count == first.findings.count)
        #expect(first.counts[.error, default: 0] == first.findings.count { $0.severity == .error })
    }

    /// When the clean values are kept, a re-check rewrites only the cross-item findings: the
    /// per-item ones keep their rows (and ids), the cross-item ones follow the items' change.
    @Test func aCheckThatKeepsCleanValuesReplacesOnlyTheCrossItemFindings() throws {
        let test = try TestWorkspace()
        let rows = [TestWorkspace.header,
                    ["1", "对拒绝配合统计调查的处罚", "", "行政处罚", "", ""],
                    ["2", "对拒绝配合统计调查的处罚", "", "行政处罚", "", ""]]
        _ = try test.importJob().run(try test.csv("a.csv", rows))
        let run = CheckRun(workspace: test.workspace, schemas: try test.schemas())
        let first = try run.run(revision: "2024")
        let perItemIDs = try test.findingIDs(excluding: CheckRun.crossItemCodes)
        let second = try run.run(revision: "2024")

        #expect(second.cleaning == .reused)
        #expect(second.findings == first.findings)
        #expect(first.findings.contains { $0.code == .duplicateItem })
        #expect(!perItemIDs.isEmpty)
        #expect(try test.findingIDs(excluding: CheckRun.crossItemCodes) == perItemIDs, "per-item rows untouched")
        let stored = try test.workspace.findings(revision: "2024", stage: CheckRun.stage)
        #expect(Set(stored) == Set(second.findings))
        #expect(stored.count == second.findings.count)
    }

    @Test func anUnknownRevisionIsRefused() throws {
        let test = try TestWorkspace()
        _ = try test.importJob().run(try test.csv("a.csv", [TestWorkspace.header, ["1", "甲", "", "行政许可", "", ""]]))
        #expect(throws: (any Error).self) { try CheckRun(workspace: test.workspace, schemas: try test.schemas()).run(revision: "1999") }
    }
}

private extension TestWorkspace {
    /// The row ids of the revision's check findings whose code is not in `codes`, in order.
    func findingIDs(excluding codes: Set<FindingCode>) throws -> [Int64] {
        try workspace.read { db in
            try Row.fetchAll(db, sql: "SELECT id, code FROM findings WHERE stage = ? ORDER BY id", arguments: [CheckRun.stage])
                .filter { !codes.contains(FindingCode(rawValue: $0["code"])!) }
                .map { $0["id"] }
        }
    }
}
