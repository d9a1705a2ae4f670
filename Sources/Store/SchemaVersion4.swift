import Catalogue
import GRDB

/// Migration v4: write less per item — citations once per distinct list, findings' texts
/// through `texts` ids.
///
/// A 200,000-item import wrote 650,000 citation rows of about 1 KB (each item citing a basis
/// repeated its text, note and quoted article text) and 705,000 findings repeating 216
/// messages; SQLite's B-tree inserts of those were most of the import.
///
/// - `citationLists(listId, position, …)`: one citation list (every `Citation` member, as the
///   v2 `citations` row had them) stored once for all the items citing it. `ownCell` is 1 when
///   the citation's `cell` is its own (in `cell`) rather than its item's.
/// - `itemCitations(itemId, listId, cell)`: an item's list and the cell its citations came
///   from; items without citations have no row.
/// - `findings`: `itemKey`, `message` and `file` become `itemKeyId`, `messageId` and `fileId`
///   in `texts`; read them through `Workspace.findingColumns`.
enum SchemaVersion4 {
    static let name = "v4: citation lists, findings' texts by id"

    static func migrate(_ db: Database) throws {
        try createCitationTables(db)
        try moveCitations(db)
        try db.drop(table: "citations")
        try rebuildFindings(db)
    }

    private static func createCitationTables(_ db: Database) throws {
        try db.create(table: "citationLists") { t in
            t.column("listId", .integer).notNull()
            t.column("position", .integer).notNull()
            t.column("text", .text).notNull()
            t.column("rankTag", .text)
            t.column("taggedRank", .text)
            t.column("title", .text)
            t.column("note", .text)
            t.column("articles", .text).notNull()
            t.column("quotedText", .text)
            t.column("resolution", .text).notNull()
            t.column("registryKey", .text)
            t.column("registryTitle", .text)
            t.column("registryRank", .text)
            t.column("registryVersion", .text)
            t.column("current", .text)
            t.column("successor", .text)
            t.column("ownCell", .boolean).notNull()
            t.column("cell", .text)
            t.primaryKey(["listId", "position"])
        }
        try db.create(index: "citation_lists_by_registry_key", on: "citationLists", columns: ["registryKey"])
        try db.create(table: "itemCitations") { t in
            // The rowid: rows are appended in item order, one B-tree.
            t.primaryKey("itemId", .integer).references("itemRecords", onDelete: .cascade)
            t.column("listId", .integer).notNull()
            t.column("cell", .text)
        }
    }

    /// Each item's v2 citation rows become a shared list.
    private static func moveCitations(_ db: Database) throws {
        var lists = try CitationListIDs(db)
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM citations ORDER BY itemId, position")
        var itemID: Int64?
        var citations: [Citation] = []
        while let row = try rows.next() {
            let id: Int64 = row["itemId"]
            if id != itemID, let itemID {
                try lists.insert(citations, basis: citations.map(\.text).joined(separator: "\n"), itemID: itemID)
                citations = []
            }
            itemID = id
            citations.append(try CitationRecord.citation(row, cell: row["cell"]))
        }
        if let itemID { try lists.insert(citations, basis: citations.map(\.text).joined(separator: "\n"), itemID: itemID) }
    }

    private static func rebuildFindings(_ db: Database) throws {
        try db.create(table: "findingsV4") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("revision", inTable: "revisions", onDelete: .cascade, indexed: false).notNull()
            t.belongsTo("source", inTable: "sources", onDelete: .cascade)
            t.belongsTo("item", inTable: "itemRecords", onDelete: .cascade)
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
        var texts = try TextIDs(db)
        let insert = try BoundStatement("""
            INSERT INTO findingsV4 (id, revisionId, sourceId, itemId, itemKeyId, field, stage, code, severity,
                                    messageId, fileId, sheet, cell)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, db)
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM findings ORDER BY id")
        while let row = try rows.next() {
            insert.bind(1, row["id"] as Int64)
            insert.bind(2, row["revisionId"] as Int64)
            insert.bind(3, row["sourceId"] as Int64?)
            insert.bind(4, row["itemId"] as Int64?)
            insert.bind(5, try (row["itemKey"] as String?).map { try texts.id(of: $0) })
            insert.bind(6, row["field"] as String?)
            insert.bind(7, row["stage"] as String)
            insert.bind(8, row["code"] as String)
            insert.bind(9, row["severity"] as String)
            insert.bind(10, try texts.id(of: row["message"]))
            insert.bind(11, try texts.id(of: row["file"]))
            insert.bind(12, row["sheet"] as String?)
            insert.bind(13, row["cell"] as String?)
            try insert.run()
        }
        try db.drop(table: "findings")
        try db.rename(table: "findingsV4", to: "findings")
        try db.create(index: "findings_by_stage", on: "findings", columns: ["revisionId", "stage"])
    }
}
