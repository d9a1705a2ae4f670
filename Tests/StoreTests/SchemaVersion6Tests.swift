import Catalogue
import Foundation
import GRDB
import Testing
@testable import Store

/// A v5 workspace opens upgraded to v6 — fewer indexes, findings without `AUTOINCREMENT` and
/// without a foreign key to their item — and reads and replaces findings as before.
@Suite struct SchemaVersion6Tests {
    /// Two sources of one revision, an item in each; an import finding of the first source,
    /// and a check finding about each item.
    private func versionFiveWorkspace() throws -> URL {
        try StoreFixtures.workspace(upTo: SchemaVersion5.identifier) { db in
            try db.execute(sql: "INSERT INTO revisions (id, label, createdAt) VALUES (1, '2024', '2024-01-01 00:00:00')")
            try db.execute(sql: """
                INSERT INTO sources (id, revisionId, path, sha256, format, importedAt)
                VALUES (1, 1, '统计局.xlsx', 'aaa', 'xlsx', '2024-01-01 00:00:00'),
                       (2, 1, '商务局.xlsx', 'bbb', 'xlsx', '2024-01-01 00:00:00')
                """)
            try db.execute(sql: "INSERT INTO units (id, name, level) VALUES (1, '克拉玛依市统计局', 'county')")
            try db.execute(sql: """
                INSERT INTO texts (id, hash, text) VALUES (1, 1, '统计调查'), (2, 2, '事项没有序号'), (3, 3, '统计局.xlsx'),
                    (4, 4, 'k1'), (5, 5, '依据不是法律文件'), (6, 6, '商务局.xlsx'), (7, 7, 'k2')
                """)
            try db.execute(sql: """
                INSERT INTO itemRecords (id, revisionId, sourceId, unitId, position, file, sheet, firstRow, lastRow,
                                         nameId, itemKey)
                VALUES (1, 1, 1, 1, 0, '统计局.xlsx', 'Sheet1', 4, 4, 1, 'k1'),
                       (2, 1, 2, 1, 0, '商务局.xlsx', 'Sheet1', 4, 4, 1, 'k2')
                """)
            try db.execute(sql: """
                INSERT INTO findings (id, revisionId, sourceId, itemId, itemKeyId, field, stage, code, severity,
                                      messageId, fileId, sheet, cell)
                VALUES (1, 1, 1, NULL, NULL, NULL, 'import', 'import.missing-serial', 'warning', 2, 3, 'Sheet1', 'A9'),
                       (2, 1, 1, 1, 4, 'basis', 'check', 'check.not-a-legal-instrument', 'warning', 5, 3, 'Sheet1', 'F4'),
                       (3, 1, 2, 2, 7, 'basis', 'check', 'check.not-a-legal-instrument', 'warning', 5, 6, 'Sheet1', 'F4')
                """)
        }
    }

    @Test func findingsComeBackAsStoredInTheirOrder() throws {
        let workspace = try Workspace.open(folder: versionFiveWorkspace(), create: false)
        let findings = try workspace.findings(revision: "2024")
        #expect(findings.map(\.message) == ["事项没有序号", "依据不是法律文件", "依据不是法律文件"])
        #expect(findings.map(\.item) == [nil, ItemKey(rawValue: "k1"), ItemKey(rawValue: "k2")])
        #expect(findings.map(\.location.file) == ["统计局.xlsx", "统计局.xlsx", "商务局.xlsx"])
        #expect(try workspace.findings(revision: "2024", sourcePath: "商务局.xlsx").map(\.item) == [ItemKey(rawValue: "k2")])
    }

    /// Without the foreign key to `itemRecords`, a replaced source's findings about its items go
    /// with the source; the other source's stay, and new findings come after them.
    @Test func replacingASourceTakesItsItemsFindingsWithIt() throws {
        let workspace = try Workspace.open(folder: versionFiveWorkspace(), create: false)
        let raw = StoreFixtures.item("对拒绝配合统计调查的处罚", unit: StoreFixtures.statistics, file: "统计局.xlsx")
        let again = Finding(code: .missingSerial, severity: .warning, message: "事项仍然没有序号",
                            location: Location(file: "统计局.xlsx", sheet: "Sheet1", cell: "A4"), item: StoreFixtures.key(raw))
        let outcome = try workspace.importSource(StoreFixtures.source("统计局.xlsx", sha256: "ccc"), revision: "2024") {
            StoreFixtures.contents([raw], findings: [again])
        }
        #expect(outcome == .replaced)
        let findings = try workspace.findings(revision: "2024")
        #expect(findings.map(\.message) == ["依据不是法律文件", "事项仍然没有序号"])
        #expect(findings.map(\.item) == [ItemKey(rawValue: "k2"), StoreFixtures.key(raw)])
        let orphans = try workspace.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM findings WHERE itemId NOT IN (SELECT id FROM itemRecords)")
        }
        #expect(orphans == 0)
    }

    /// The lookups that must not scan a table still find their index: a source's findings (counts, the cascade), a text by hash (later imports).
    @Test func theQueriesThatNeedAnIndexUseOne() throws {
        let workspace = try Workspace.open(folder: versionFiveWorkspace(), create: false)
        let plans: [(sql: String, index: String)] = [
            ("SELECT COUNT(*) FROM findings WHERE sourceId = 1", "findings_by_source"),
            ("DELETE FROM findings WHERE revisionId = 1 AND stage = 'check'", "findings_by_stage"),
            ("SELECT id FROM texts WHERE hash = 1 AND text = 'k1'", "texts_on_hash"),
        ]
        for plan in plans {
            let details = try workspace.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + plan.sql).map { $0["detail"] as String }
            }
            #expect(details.contains { $0.contains(plan.index) }, "\(plan.sql): \(details)")
        }
    }

    /// With no index on item keys, a check's findings are still tied to the first record with
    /// their key, and through it to that record's source.
    @Test func checkFindingsAreTiedToTheFirstRecordWithTheirKey() throws {
        let workspace = try Workspace.open(folder: versionFiveWorkspace(), create: false)
        try workspace.write { db in
            try db.execute(sql: "UPDATE itemRecords SET itemKey = 'k1' WHERE id = 2")
        }
        let finding = Finding(code: .duplicateItem, severity: .warning, message: "与第5行重复",
                              location: Location(file: "商务局.xlsx", sheet: "Sheet1", cell: "B4"), item: ItemKey(rawValue: "k1"))
        let unknown = Finding(code: .duplicateItem, severity: .warning, message: "没有这个事项",
                              location: Location(file: "商务局.xlsx"), item: ItemKey(rawValue: "k9"))
        try workspace.replaceFindings(stage: "check", revision: "2024", with: [finding, unknown])
        #expect(try workspace.findings(revision: "2024", sourcePath: "统计局.xlsx", stage: "check") == [finding])
        #expect(try workspace.findings(revision: "2024", sourcePath: "商务局.xlsx", stage: "check") == [])
        let tied = try workspace.read { db in
            try Row.fetchAll(db, sql: "SELECT itemId, sourceId FROM findings WHERE stage = 'check' ORDER BY id")
                .map { [$0["itemId"] as Int64?, $0["sourceId"] as Int64?] }
        }
        #expect(tied == [[1, 1], [nil, nil]])
    }
}
