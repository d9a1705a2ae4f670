import Catalogue
import Foundation
import GRDB
import Testing
@testable import Store

/// A v3 workspace (a citation row per item, findings with their texts inline) opens upgraded
/// to v4 — shared citation lists, findings' texts by id — and reads back exactly as before.
@Suite struct SchemaVersion4Tests {
    private static let law = RegistryReference(key: "统计法", title: "中华人民共和国统计法", rank: .law, versionDate: "2009-06-27")

    /// Two items citing the same basis, a third citing it too but with one citation from
    /// another cell, and two findings, one about an item.
    private func versionThreeWorkspace() throws -> URL {
        return try StoreFixtures.workspace(upTo: Schema.version3) { db in
            try db.execute(sql: "INSERT INTO revisions (id, label, createdAt) VALUES (1, '2024', '2024-01-01 00:00:00')")
            try db.execute(sql: """
                INSERT INTO sources (id, revisionId, path, sha256, format, importedAt)
                VALUES (1, 1, '统计局.xlsx', 'aaa', 'xlsx', '2024-01-01 00:00:00')
                """)
            try db.execute(sql: "INSERT INTO units (id, name, level) VALUES (1, '克拉玛依市统计局', 'county')")
            try db.execute(sql: "INSERT INTO texts (id, hash, text) VALUES (1, 1, '统计调查'), (2, 2, '统计检查'), (3, 3, '登记')")
            try db.execute(sql: """
                INSERT INTO itemRecords (id, revisionId, sourceId, unitId, position, file, sheet, firstRow, lastRow,
                                         nameId, itemKey)
                VALUES (1, 1, 1, 1, 0, '统计局.xlsx', 'Sheet1', 4, 4, 1, 'k1'),
                       (2, 1, 1, 1, 1, '统计局.xlsx', 'Sheet1', 5, 5, 2, 'k2'),
                       (3, 1, 1, 1, 2, '统计局.xlsx', 'Sheet1', 6, 6, 3, 'k3')
                """)
            try db.execute(sql: """
                INSERT INTO citations (itemId, position, text, rankTag, taggedRank, title, note, articles, quotedText,
                                       resolution, registryKey, registryTitle, registryRank, registryVersion, current, cell)
                VALUES (1, 0, '【法律】《统计法》第七条', '法律', 'law', '统计法', NULL, '7;9.2', '“……”',
                        'superseded', '统计法', '中华人民共和国统计法', 'law', '2009-06-27', '2024-09-13', 'F4'),
                       (1, 1, '《统计办法》', NULL, NULL, '统计办法', '2018年', '', NULL,
                        'notInRegistry', NULL, NULL, NULL, NULL, NULL, 'F4'),
                       (2, 0, '【法律】《统计法》第七条', '法律', 'law', '统计法', NULL, '7;9.2', '“……”',
                        'superseded', '统计法', '中华人民共和国统计法', 'law', '2009-06-27', '2024-09-13', 'F5'),
                       (2, 1, '《统计办法》', NULL, NULL, '统计办法', '2018年', '', NULL,
                        'notInRegistry', NULL, NULL, NULL, NULL, NULL, 'F5'),
                       (3, 0, '【法律】《统计法》第七条', '法律', 'law', '统计法', NULL, '7;9.2', '“……”',
                        'superseded', '统计法', '中华人民共和国统计法', 'law', '2009-06-27', '2024-09-13', 'F6'),
                       (3, 1, '《统计办法》', NULL, NULL, '统计办法', '2018年', '', NULL,
                        'notInRegistry', NULL, NULL, NULL, NULL, NULL, 'G6')
                """)
            try db.execute(sql: """
                INSERT INTO findings (id, revisionId, sourceId, itemId, itemKey, field, stage, code, severity, message, file, sheet, cell)
                VALUES (1, 1, 1, NULL, NULL, NULL, 'import', 'import.missing-serial', 'warning', '事项没有序号', '统计局.xlsx', 'Sheet1', 'A9'),
                       (2, 1, 1, 2, 'k2', 'basis', 'check', 'check.superseded-version', 'warning', '引用的版本已被修订', '统计局.xlsx', 'Sheet1', 'F5')
                """)
        }
    }

    @Test func citationsComeBackAsTheyWereStoredOncePerDistinctList() throws {
        let workspace = try Workspace.open(folder: versionThreeWorkspace(), create: false)
        let superseded = Citation(text: "【法律】《统计法》第七条", rankTag: "法律", taggedRank: .law, title: "统计法",
                                  articles: [ArticleReference(article: 7), ArticleReference(article: 9, paragraph: 2)],
                                  quotedText: "“……”", resolution: .superseded(Self.law, current: "2024-09-13"))
        let unregistered = Citation(text: "《统计办法》", title: "统计办法", note: "2018年", resolution: .notInRegistry)
        func cited(_ citation: Citation, _ cell: String) -> Citation {
            var citation = citation
            citation.cell = cell
            return citation
        }
        let items = try workspace.powerItems(revision: "2024")
        #expect(items.map(\.citations) == [
            [cited(superseded, "F4"), cited(unregistered, "F4")],
            [cited(superseded, "F5"), cited(unregistered, "F5")],
            [cited(superseded, "F6"), cited(unregistered, "G6")],
        ])
        // Items 1 and 2 share a list; item 3's citation from another cell makes its list another.
        let lists = try workspace.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT listId) FROM citationLists") }
        #expect(lists == 2)
    }

    @Test func findingsComeBackWithTheirTexts() throws {
        let workspace = try Workspace.open(folder: versionThreeWorkspace(), create: false)
        let findings = try workspace.findings(revision: "2024")
        #expect(findings.map(\.message) == ["事项没有序号", "引用的版本已被修订"])
        #expect(findings.map(\.item) == [nil, ItemKey(rawValue: "k2")])
        #expect(findings.map(\.location) == [Location(file: "统计局.xlsx", sheet: "Sheet1", cell: "A9"),
                                             Location(file: "统计局.xlsx", sheet: "Sheet1", cell: "F5")])
        #expect(findings.map(\.field) == [nil, .basis])
    }

    @Test func equalListsOfOneImportAreStoredOnce() throws {
        let workspace = try Workspace.open(folder: StoreFixtures.temporaryFolder())
        let citation = Citation(text: "《统计法》", title: "统计法", resolution: .inForce(Self.law))
        let raws = (4...6).map { StoreFixtures.item("事项\($0)", rows: $0...$0) }
        let items = raws.enumerated().map { index, raw in
            var item = StoreFixtures.clean(raw)
            item.fields[.basis] = "《统计法》"
            var own = citation
            own.cell = "F\(index + 4)"
            item.citations = [own]
            return item
        }
        _ = try workspace.importSource(StoreFixtures.source("统计局.xlsx", sha256: "bbb"), revision: "2024") {
            SourceContents(items: items, units: [StoreFixtures.commerce])
        }
        #expect(try workspace.powerItems(revision: "2024").map(\.citations) == items.map(\.citations))
        let rows = try workspace.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM citationLists") }
        #expect(rows == 1)
    }
}
