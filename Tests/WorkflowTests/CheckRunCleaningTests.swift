import Catalogue
import Cleanup
import Foundation
import Store
import Testing
import Workflow

/// `CheckRun` keeps the clean values and per-item findings stored at import while the schemas
/// they were computed with (`CleanFingerprint`) are today's, and cleans again when they are not.
@Suite struct CheckRunCleaningTests {
    /// Two departments, one listing an item twice, one item without a basis, one set by a
    /// 规范性文件 only: per-item and cross-item findings in both files.
    static let statistics = [TestWorkspace.header,
                             ["1", "对拒绝配合统计\n调查的处罚", "", "行政 处罚", "【法律】《中华人民共和国统计法》第四十一条第一款", ""],
                             ["2", "对拒绝配合统计调查的处罚", "", "行政处罚", "", ""],
                             ["3", "统计执法检查", "", "行政检查", "", ""]]
    static let culture = [TestWorkspace.header,
                          ["1", "歌舞娱乐场所设立许可", "", "行政许可", "【规范性文件】《关于加强娱乐场所管理的通知》", ""],
                          ["2", "营业性演出审批", "变更", "行政许可", "", ""]]

    /// Files imported out of path order, so the stored findings are not in the check's order.
    private func importBoth(_ test: TestWorkspace) throws {
        let job = try test.importJob()
        _ = job.run(try test.csv("乙县统计局.csv", Self.statistics))
        _ = job.run(try test.csv("甲县文化体育广播电视和旅游局.csv", Self.culture))
    }

    /// The same schemas as `test.schemas()`, but built in code as far as `CheckRun` can tell.
    private func unfingerprinted(_ test: TestWorkspace) throws -> CleanupSchemas {
        var schemas = try test.schemas()
        schemas.fingerprint = nil
        return schemas
    }

    @Test func unchangedSchemasKeepTheStoredCleanAndFindTheSameAsAFullReclean() throws {
        let test = try TestWorkspace()
        try importBoth(test)
        let kept = try CheckRun(workspace: test.workspace, schemas: try test.schemas()).run(revision: "2024")
        #expect(kept.cleaning == .reused)
        #expect(kept.findings.contains { $0.code == .duplicateItem })
        #expect(kept.findings.contains { $0.code == .insufficientBasis })

        let full = try CheckRun(workspace: test.workspace, schemas: try unfingerprinted(test)).run(revision: "2024")
        #expect(full.cleaning == .redone)
        #expect(full.recleaned == 0)
        #expect(kept.findings == full.findings)
        #expect(CheckReportFile.report(kept).html() == CheckReportFile.report(full).html())
    }

    @Test func aSecondCheckKeepsWhatTheFirstStored() throws {
        let test = try TestWorkspace()
        try importBoth(test)
        let run = CheckRun(workspace: test.workspace, schemas: try test.schemas())
        let first = try run.run(revision: "2024")
        let second = try run.run(revision: "2024")
        #expect(second.cleaning == .reused)
        #expect(second.findings == first.findings, "cross-item findings are replaced, not kept twice")
    }

    @Test func aSchemaOfTheWorkspaceMakesTheNextCheckCleanAgainOnce() throws {
        let test = try TestWorkspace()
        try importBoth(test)
        let schemas = test.folder.appendingPathComponent("schemas", isDirectory: true)
        try FileManager.default.createDirectory(at: schemas, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestWorkspace.packageRoot.appendingPathComponent("Catalogues/schemas/categories.yaml"),
                                         to: schemas.appendingPathComponent("categories.yaml"))
        let changed = try CheckRun(workspace: test.workspace, schemas: try test.schemas()).run(revision: "2024")
        #expect(changed.cleaning == .redone)
        let next = try CheckRun(workspace: test.workspace, schemas: try test.schemas()).run(revision: "2024")
        #expect(next.cleaning == .reused, "the re-clean recorded the new fingerprint")
        #expect(next.findings == changed.findings)
    }

    @Test func schemasBuiltInCodeAlwaysCleanAgainAndAreNotTrustedLater() throws {
        let test = try TestWorkspace()
        try importBoth(test)
        #expect(try CheckRun(workspace: test.workspace, schemas: try unfingerprinted(test)).run(revision: "2024").cleaning == .redone)
        #expect(try CheckRun(workspace: test.workspace, schemas: try test.schemas()).run(revision: "2024").cleaning == .redone)
    }

    @Test func aReplacedFileMakesTheNextCheckCleanEveryFileAgain() throws {
        let test = try TestWorkspace()
        try importBoth(test)
        let run = CheckRun(workspace: test.workspace, schemas: try test.schemas())
        _ = try run.run(revision: "2024")
        _ = try test.importJob().run(try test.csv("乙县统计局.csv", Array(Self.statistics.prefix(3))))
        #expect(try run.run(revision: "2024").cleaning == .redone)
    }

    /// The check view holds what the cross-item checks and the report read, as the full item has it.
    @Test func theCheckViewAgreesWithTheFullItems() throws {
        let test = try TestWorkspace()
        try importBoth(test)
        let full = try test.workspace.powerItems(revision: "2024")
        let view = try test.workspace.checkItems(revision: "2024")
        #expect(view.map(\.key) == full.map(\.key))
        #expect(view.map(\.unit) == full.map(\.unit))
        #expect(view.map(\.name) == full.map(\.name))
        #expect(view.map(\.subItemName) == full.map(\.subItemName))
        #expect(view.map(\.category) == full.map(\.category))
        #expect(view.map { $0[.category] } == full.map { $0[.category] })
        #expect(view.map(\.raw.provenance.rowsDescription) == full.map(\.raw.provenance.rowsDescription))
        #expect(view.map { $0.raw.provenance.cells[.name] } == full.map { $0.raw.provenance.cells[.name] })
        #expect(view.allSatisfy { $0.citations.isEmpty })
    }
}
