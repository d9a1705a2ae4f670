import GRDB

/// Migration v6: only the indexes a query or a deletion needs, and findings numbered without
/// `AUTOINCREMENT`.
///
/// A 200,000-item import spent 5–6 s of CPU creating eleven indexes on one core after its last
/// row, and its 705,048 finding inserts each read and wrote `sqlite_sequence`. No query reads
/// `itemRecords` by category or name id (the item filters are `LIKE '%…%'` over the texts), and
/// units are never deleted, so `items_by_category`, `items_by_name` and the `unitId` index
/// GRDB added for the foreign key go (`items_by_unit` still serves lookups by unit).
/// `items_by_key` (42 MB, the costliest to sort: 200,000 random text keys) served only
/// `replaceFindings`, which now finds the records of its findings' keys in one scan.
///
/// `findings` is rebuilt (SQLite cannot drop a foreign key):
/// - `id` is a plain `INTEGER PRIMARY KEY`: a new row still takes the largest id + 1, so
///   "in the order they were recorded" (`ORDER BY id`) holds; an id of deleted rows at the end
///   may be used again, which nothing relies on.
/// - `itemId` is no longer a foreign key, and has no index: a cascade from `itemRecords`
///   searched `findings` once per deleted item. Items are only deleted with their source, and
///   a finding about an item always carries that item's source (`SourceWriter`,
///   `replaceFindings`), so the cascade from `sources` (through `findings_by_source`) deletes
///   them.
enum SchemaVersion6 {
    static let identifier = "v6: indexes a query needs, findings without autoincrement"

    static func migrate(_ db: Database) throws {
        for index in ["items_by_category", "items_by_name", "items_by_key", "itemRecords_on_unitId"] {
            try db.execute(sql: "DROP INDEX IF EXISTS \(index.quotedDatabaseIdentifier)")
        }
        try rebuildFindings(db)
    }

    private static func rebuildFindings(_ db: Database) throws {
        try db.create(table: "findingsV6") { t in
            t.primaryKey("id", .integer)
            t.belongsTo("revision", inTable: "revisions", onDelete: .cascade, indexed: false).notNull()
            t.belongsTo("source", inTable: "sources", onDelete: .cascade, indexed: false)
            t.column("itemId", .integer)
            t.column("itemKeyId", .integer)
            t.column("field", .text)
            t.column("stage", .text).notNull()
            t.column("code", .text).notNull()
            t.column("severity", .text).notNull()
            t.column("messageId", .integer).notNull()
            t.column("fileId", .integer).notNull()
            t.column("sheet", .text)
            t.column("cell", .text)
        }
        let columns = "id, revisionId, sourceId, itemId, itemKeyId, field, stage, code, severity, messageId, fileId, sheet, cell"
        try db.execute(sql: "INSERT INTO findingsV6 (\(columns)) SELECT \(columns) FROM findings ORDER BY id")
        try db.drop(table: "findings")
        try db.rename(table: "findingsV6", to: "findings")
        // Counting or deleting a source's findings (and the cascade from `sources`).
        try db.create(index: "findings_by_source", on: "findings", columns: ["sourceId"])
        try db.create(index: "findings_by_stage", on: "findings", columns: ["revisionId", "stage"])
    }
}
