import GRDB

/// Migration v7: the findings a citation list gives, stored once per list.
///
/// A basis check says the same of every item citing one basis, so a 200,000-item import
/// stored 672,000 of its 705,000 findings as copies of a few thousand lists' findings: most of
/// the `findings` table, of its two indexes, and of the import's writing. Now an item's run of
/// findings about its basis, when it equals its citation list's, is one row of `findings` with
/// that `listId` and the code `FindingRecord.listCode` — where the run stood, so the findings
/// keep their order — and the list's findings are rows of `listFindings` (code, severity,
/// message). Reading expands the row again (`FindingRecord.Reader`).
enum SchemaVersion7 {
    static let identifier = "v7: a citation list's findings stored once"

    static func migrate(_ db: Database) throws {
        try db.alter(table: "findings") { t in
            t.add(column: "listId", .integer)
        }
        try db.create(table: "listFindings") { t in
            t.column("listId", .integer).notNull()
            t.column("position", .integer).notNull()
            t.column("code", .text).notNull()
            t.column("severity", .text).notNull()
            t.column("messageId", .integer).notNull()
            t.primaryKey(["listId", "position"])
        }
    }
}
