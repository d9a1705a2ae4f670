import Catalogue
import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct WorkspaceImportTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace.open(folder: StoreFixtures.temporaryFolder())
    }

    private func importFile(_ path: String, sha256: String, revision: String = "2024",
                            _ items: [RawItem]) throws -> ImportOutcome {
        try workspace.importSource(StoreFixtures.source(path, sha256: sha256), revision: revision) {
            StoreFixtures.contents(items)
        }
    }

    @Test func aNewFileIsAddedWithItsItemsProvenanceAndExtraFields() throws {
        let outcome = try importFile("商务局.xlsx", sha256: "aaa", [
            StoreFixtures.item("对外贸易经营者备案登记", rows: 4...6),
            StoreFixtures.item("对违反规定的处罚", category: "行政处罚", rows: 7...7),
        ])
        #expect(outcome == .added)
        let items = try workspace.items()
        #expect(items.map(\.item.name) == ["对外贸易经营者备案登记", "对违反规定的处罚"])
        let first = try #require(items.first)
        #expect(first.revision == "2024")
        #expect(first.sourcePath == "商务局.xlsx")
        #expect(first.item == StoreFixtures.item("对外贸易经营者备案登记", rows: 4...6))
        #expect(try workspace.units() == [StoreFixtures.commerce])
    }

    @Test func findingsAreKeptWithTheirPlaceAndSeverity() throws {
        let findings = [
            Finding(code: .unknownHeader, severity: .info, message: "未识别的表头“监督电话”",
                    location: Location(file: "商务局.xlsx", sheet: "Sheet1", cell: "Q3")),
            Finding(code: .sheetSkipped, severity: .warning, message: "工作表中没有找到表格",
                    location: Location(file: "商务局.xlsx", sheet: "Sheet2")),
        ]
        _ = try workspace.importSource(StoreFixtures.source("商务局.xlsx", sha256: "aaa"), revision: "2024") {
            StoreFixtures.contents([StoreFixtures.item("甲")], findings: findings)
        }
        #expect(try workspace.findings(revision: "2024") == findings)
        #expect(try workspace.findings(revision: "2024", sourcePath: "别的.xlsx").isEmpty)
    }

    @Test func importingTheSameFileAgainDoesNotDuplicateItemsNorReadItAgain() throws {
        _ = try importFile("商务局.xlsx", sha256: "aaa", [StoreFixtures.item("甲")])
        var readAgain = false
        let outcome = try workspace.importSource(StoreFixtures.source("商务局.xlsx", sha256: "aaa"), revision: "2024") {
            readAgain = true
            return StoreFixtures.contents([StoreFixtures.item("甲")])
        }
        #expect(outcome == .unchanged(path: "商务局.xlsx"))
        #expect(!readAgain)
        #expect(try workspace.itemCount() == 1)
    }

    @Test func aChangedFileAtTheSamePathReplacesItsItemsAndFindings() throws {
        let finding = Finding(code: .unknownHeader, severity: .warning, message: "未识别的表头",
                              location: Location(file: "商务局.xlsx", sheet: "Sheet1", cell: "K3"))
        _ = try workspace.importSource(StoreFixtures.source("商务局.xlsx", sha256: "aaa"), revision: "2024") {
            StoreFixtures.contents([StoreFixtures.item("甲"), StoreFixtures.item("乙")], findings: [finding])
        }
        let outcome = try importFile("商务局.xlsx", sha256: "bbb", [StoreFixtures.item("丙")])
        #expect(outcome == .replaced)
        #expect(try workspace.items().map(\.item.name) == ["丙"])
        #expect(try workspace.findings(revision: "2024").isEmpty)
        #expect(try workspace.revisions().first?.sources.map(\.sha256) == ["bbb"])
    }

    @Test func aMovedFileWithTheSameContentIsUnchanged() throws {
        _ = try importFile("2024/商务局.xlsx", sha256: "aaa", [StoreFixtures.item("甲")])
        let outcome = try importFile("归档/商务局-副本.xlsx", sha256: "aaa", [StoreFixtures.item("甲")])
        #expect(outcome == .unchanged(path: "2024/商务局.xlsx"))
        #expect(try workspace.itemCount() == 1)
    }

    @Test func aPathWhoseFileBecameACopyOfAnotherSourceLosesItsEarlierItems() throws {
        _ = try importFile("a.xlsx", sha256: "aaa", [StoreFixtures.item("甲", file: "a.xlsx")])
        _ = try importFile("b.xlsx", sha256: "bbb", [StoreFixtures.item("乙", file: "b.xlsx")])
        let outcome = try importFile("a.xlsx", sha256: "bbb", [StoreFixtures.item("乙", file: "a.xlsx")])
        #expect(outcome == .unchanged(path: "b.xlsx"))
        #expect(try workspace.items().map(\.item.name) == ["乙"])
    }

    @Test func theSameFileInTwoRevisionsIsKeptInBoth() throws {
        _ = try importFile("商务局.xlsx", sha256: "aaa", revision: "2024", [StoreFixtures.item("甲")])
        let outcome = try importFile("商务局.xlsx", sha256: "aaa", revision: "2025", [StoreFixtures.item("甲")])
        #expect(outcome == .added)
        #expect(try workspace.revisions().map(\.label) == ["2024", "2025"])
        #expect(try workspace.itemCount(matching: ItemFilter(revision: "2025")) == 1)
        #expect(try workspace.latestRevision() == "2025")
    }

    @Test func aTextRepeatedOnManyItemsIsStoredOnceAndReadBackOnEach() throws {
        let basis = "《中华人民共和国对外贸易法》第九条：从事货物进出口或者技术进出口的对外贸易经营者，应当向国务院对外贸易主管部门或者其委托的机构办理备案登记。"
        var items = ["甲", "乙", "丙"].map { StoreFixtures.item($0) }
        for index in items.indices { items[index][.basis] = basis }
        _ = try importFile("商务局.xlsx", sha256: "aaa", items)
        _ = try importFile("统计局.xlsx", sha256: "bbb", [items[0]])
        #expect(try workspace.items().map(\.item) == items + [items[0]])
        let copies = try workspace.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM texts WHERE text = ?", arguments: [basis])
        }
        #expect(copies == 1)
    }

    @Test func textsThatDifferOnlyInUnicodeNormalizationAreKeptAsWritten() throws {
        // "é" precomposed and as "e" + combining accent: equal as Swift strings, different bytes.
        let items = [StoreFixtures.item("Caf\u{E9}"), StoreFixtures.item("Cafe\u{301}")]
        _ = try importFile("商务局.xlsx", sha256: "aaa", items)
        let names = try workspace.items().map { Array($0.item.name.utf8) }
        #expect(names == items.map { Array($0.name.utf8) })
    }

    @Test func replacingAFileDropsTheTextsNoItemUsesAnyMore() throws {
        _ = try importFile("商务局.xlsx", sha256: "aaa", [StoreFixtures.item("甲"), StoreFixtures.item("乙")])
        _ = try importFile("商务局.xlsx", sha256: "bbb", [StoreFixtures.item("丙")])
        let texts = try workspace.database.read { db in try String.fetchAll(db, sql: "SELECT text FROM texts ORDER BY text") }
        #expect(texts == ["1", "丙", "行政许可"].sorted())
    }

    @Test func aFailureHalfwayLeavesTheDatabaseAsItWas() throws {
        _ = try importFile("商务局.xlsx", sha256: "aaa", [StoreFixtures.item("甲"), StoreFixtures.item("乙")])
        let before = try snapshot()

        // The second item's rows run backwards: the schema's CHECK rejects it after the old
        // source was deleted and the first new item inserted.
        var broken = StoreFixtures.item("坏")
        broken.provenance.firstRow = 9
        broken.provenance.lastRow = 8
        #expect(throws: StoreError.self) {
            try importFile("商务局.xlsx", sha256: "bbb", [StoreFixtures.item("丙"), broken])
        }
        #expect(try snapshot() == before)
        // A new revision created by the failed import is rolled back too.
        #expect(throws: StoreError.self) {
            try importFile("统计局.xlsx", sha256: "ccc", revision: "2025", [broken])
        }
        #expect(try workspace.revisions().map(\.label) == ["2024"])
    }

    @Test func anErrorWhileReadingTheFileLeavesTheDatabaseAsItWas() throws {
        struct Unreadable: Error {}
        _ = try importFile("商务局.xlsx", sha256: "aaa", [StoreFixtures.item("甲")])
        let before = try snapshot()
        #expect(throws: Unreadable.self) {
            try workspace.importSource(StoreFixtures.source("商务局.xlsx", sha256: "bbb"), revision: "2024") {
                throw Unreadable()
            }
        }
        #expect(try snapshot() == before)
    }

    @Test func anErrorAfterTheFirstChunkLeavesTheDatabaseAsItWas() throws {
        struct Unreadable: Error {}
        _ = try importFile("商务局.xlsx", sha256: "aaa", [StoreFixtures.item("甲")])
        let before = try snapshot()
        var chunks = 0
        let stream = SourceStream(units: [StoreFixtures.commerce], submitter: nil, leadingFindings: [], nextChunk: {
            chunks += 1
            guard chunks == 1 else { throw Unreadable() }
            return SourceChunk(items: [StoreFixtures.clean(StoreFixtures.item("乙"))], findings: [])
        }, placedFindings: { [] })
        #expect(throws: Unreadable.self) {
            try workspace.importSourceInChunks(StoreFixtures.source("商务局.xlsx", sha256: "bbb"), revision: "2024") { stream }
        }
        #expect(chunks == 2)
        #expect(try snapshot() == before)
    }

    /// Every row of every table, as text.
    private func snapshot() throws -> [String] {
        try workspace.database.read { db in
            try ["revisions", "sources", "units", "texts", "itemRecords", "extraFields", "cleanFields",
                  "citationLists", "itemCitations", "findings"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table): \($0)" }
            }
        }
    }
}
