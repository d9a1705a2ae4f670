import Catalogue
import Foundation
import Store
import Testing
import Workflow

/// "Items as a published list counts them" is one number: the import summary (first import
/// and re-import), the workspace (`items`) and `export` agree.
@Suite struct ItemCountTests {
    /// Imports `file`, imports it again (unchanged: counted from the workspace), exports the
    /// revision, and returns the four counts.
    private func counts(_ test: TestWorkspace, _ file: SourceFiles.File) throws -> [Int] {
        let job = try test.importJob()
        let first = job.run(file)
        let again = job.run(file)
        #expect(again.outcome == .unchanged(path: file.displayName))
        let export = try RevisionExport(workspace: test.workspace, revision: "2024")
            .write(.csv, to: test.folder.appendingPathComponent("export.csv"))
        return [first.itemCount, again.itemCount, try test.workspace.publishedItemCount(), export.itemCount]
    }

    @Test func aSerialColumnLeftEmptyCountsTheNames() throws {
        let test = try TestWorkspace()
        let file = try test.csv("a.csv", [TestWorkspace.header, ["", "甲", "", "行政许可", "", ""], ["", "乙", "", "行政许可", "", ""]])
        #expect(try counts(test, file) == [2, 2, 2, 2])
    }

    @Test func aDuplicatedSerialAndNameCountsOnce() throws {
        let test = try TestWorkspace()
        let file = try test.csv("a.csv", [TestWorkspace.header, ["1", "甲", "", "行政许可", "", ""],
                                          ["2", "乙", "", "行政许可", "", ""], ["2", "乙", "", "行政许可", "", ""]])
        #expect(try counts(test, file) == [2, 2, 2, 2])
    }

    @Test func subItemsCountOnceAndARowWithoutSerialIsNotCounted() throws {
        let test = try TestWorkspace()
        let file = try test.csv("a.csv", [TestWorkspace.header,
                                          ["1", "报建审批", "1.同步建设审批", "行政许可", "", ""],
                                          ["", "报建审批", "2.易地建设审批", "行政许可", "", ""],
                                          ["", "洗染业经营者备案", "", "其他行政权力", "", ""],
                                          ["3", "拆除审批", "", "行政许可", "", ""]])
        #expect(try counts(test, file) == [2, 2, 2, 2])
        #expect(try test.workspace.itemCount() == 4)
    }

    @Test(.enabled(if: TestWorkspace.realFixturesPresent, "../shared/fixtures/real is absent"))
    func theRealListsCountAlikeEverywhere() throws {
        let test = try TestWorkspace()
        let job = try test.importJob()
        let files = SourceFiles(arguments: [TestWorkspace.realFixtures.path]).files
        let first = job.run(files)
        let again = job.run(files)
        #expect(first.allSatisfy { $0.error == nil })
        let imported = first.reduce(0) { $0 + $1.itemCount }
        let export = try RevisionExport(workspace: test.workspace, revision: "2024")
            .write(.json, to: test.folder.appendingPathComponent("export.json"))
        #expect(imported > 0)
        #expect(again.map(\.itemCount) == first.map(\.itemCount))
        #expect(try test.workspace.publishedItemCount() == imported)
        #expect(export.itemCount == imported)
    }
}
