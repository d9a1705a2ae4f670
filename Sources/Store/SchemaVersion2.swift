import Catalogue
import GRDB

/// Migration v2: the clean view beside the raw values, stable item keys, citations, and
/// findings of every stage in one table.
///
/// - `itemRecords` gains `itemKey` (indexed with `revisionId`: item pages, decisions and the
///   diff look items up by it) and the resolved category (`categoryName`, `categoryCode`).
/// - `cleanFields(itemId, field, textId)`: a clean value only where it differs from the raw
///   one. Most cleaned values equal what was written, so a row per difference costs far less
///   than 22 more columns on every item, and a reader falls back to the raw value. A NULL
///   `textId` means the clean value is empty though the raw one is not.
/// - `citations`: one row per `Citation` of an item, in order, with every member.
/// - `findings` is rebuilt (SQLite cannot drop a NOT NULL): `revisionId`, `stage`
///   (`import`, `check`, `reconcile`: a re-check replaces only its stage's findings), and a
///   nullable `sourceId`, `itemId`, `itemKey` and `field`.
/// - `sources.submitter`: who handed a file in (a consolidated list's owner).
/// - `units.level` holds the stable English keys: `地州` → `city`, `县级部门` → `county`, …
enum SchemaVersion2 {
    static func migrate(_ db: Database) throws {
        for (old, new) in [("地州", Level.city), ("县级部门", .county), ("乡镇", .township), ("村/社区", .village)] {
            try db.execute(sql: "UPDATE units SET level = ? WHERE level = ?", arguments: [new.rawValue, old])
        }
        try db.alter(table: "sources") { t in t.add(column: "submitter", .text) }
        try db.execute(sql: "DROP VIEW items")
        try db.alter(table: "itemRecords") { t in
            t.add(column: "itemKey", .text)
            t.add(column: "categoryName", .text)
            t.add(column: "categoryCode", .text)
        }
        try db.execute(sql: Schema.itemsView)
        try fillItemKeys(db)
        try db.create(index: "items_by_key", on: "itemRecords", columns: ["revisionId", "itemKey"])

        try db.create(table: "cleanFields") { t in
            t.belongsTo("item", inTable: "itemRecords", onDelete: .cascade, indexed: false).notNull()
            t.column("field", .text).notNull()
            t.column("textId", .integer)
            t.primaryKey(["itemId", "field"])
        }
        try createCitations(db)
        try rebuildFindings(db)
    }

    /// Keys for the items a v1 workspace already holds.
    private static func fillItemKeys(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT items.id, units.name AS unit, items.name, items.subItemName
            FROM items JOIN units ON units.id = items.unitId
            """)
        let update = try db.makeStatement(sql: "UPDATE itemRecords SET itemKey = ? WHERE id = ?")
        for row in rows {
            let key = ItemKey(unit: row["unit"], name: row["name"] ?? "", subItem: row["subItemName"])
            try update.execute(arguments: [key.rawValue, row["id"] as Int64])
        }
    }

    private static func createCitations(_ db: Database) throws {
        try db.create(table: "citations") { t in
            t.belongsTo("item", inTable: "itemRecords", onDelete: .cascade, indexed: false).notNull()
            t.column("position", .integer).notNull()
            t.column("text", .text).notNull()
            t.column("rankTag", .text)
            t.column("taggedRank", .text)
            t.column("title", .text)
            t.column("note", .text)
            // `28.1.3;30;120之一`: ArticleReference descriptions joined by `;`.
            t.column("articles", .text).notNull()
            t.column("quotedText", .text)
            // `CitationResolution` case: unresolved, inForce, superseded, repealed, notInRegistry, notALegalInstrument.
            t.column("resolution", .text).notNull()
            t.column("registryKey", .text)
            t.column("registryTitle", .text)
            t.column("registryRank", .text)
            t.column("registryVersion", .text)
            // The current version's date (superseded), and the successor's title (repealed).
            t.column("current", .text)
            t.column("successor", .text)
            t.column("cell", .text)
            t.primaryKey(["itemId", "position"])
        }
        try db.create(index: "citations_by_registry_key", on: "citations", columns: ["registryKey"])
    }

    private static func rebuildFindings(_ db: Database) throws {
        try db.create(table: "findingsV2") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("revision", inTable: "revisions", onDelete: .cascade, indexed: false).notNull()
            t.belongsTo("source", inTable: "sources", onDelete: .cascade)
            t.belongsTo("item", inTable: "itemRecords", onDelete: .cascade)
            t.column("itemKey", .text)
            t.column("field", .text)
            t.column("stage", .text).notNull()
            t.column("code", .text).notNull()
            t.column("severity", .text).notNull()
            t.column("message", .text).notNull()
            t.column("file", .text).notNull()
            t.column("sheet", .text)
            t.column("cell", .text)
        }
        try db.execute(sql: """
            INSERT INTO findingsV2 (id, revisionId, sourceId, stage, code, severity, message, file, sheet, cell)
            SELECT findings.id, sources.revisionId, findings.sourceId, 'import', findings.code, findings.severity,
                   findings.message, findings.file, findings.sheet, findings.cell
            FROM findings JOIN sources ON sources.id = findings.sourceId
            """)
        try db.drop(table: "findings")
        try db.rename(table: "findingsV2", to: "findings")
        try db.create(index: "findings_by_stage", on: "findings", columns: ["revisionId", "stage"])
    }
}
