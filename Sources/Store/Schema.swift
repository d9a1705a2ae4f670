import Catalogue
import GRDB

/// The workspace database schema, as a list of migrations applied in order.
///
/// Never edit a migration that has shipped: add a new one, so existing workspaces upgrade
/// in place. A workspace written by a newer powerlist (with migrations this build does not
/// know) is refused rather than guessed at.
enum Schema {
    /// The first migration's identifier (tests build a v1 workspace with it).
    static let version1 = "v1: sources, items, provenance, findings"
    /// The last migration before v4 (tests build a v3 workspace with it).
    static let version3 = "v3: pairings and reviewers' decisions"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(version1) { db in
            try createVersion1(db)
        }
        migrator.registerMigration("v2: clean items, item keys, citations, findings tied to items, level keys") { db in
            try SchemaVersion2.migrate(db)
        }
        migrator.registerMigration(version3) { db in
            try SchemaVersion3.migrate(db)
        }
        migrator.registerMigration(SchemaVersion4.name) { db in
            try SchemaVersion4.migrate(db)
        }
        migrator.registerMigration(SchemaVersion5.identifier) { db in
            try SchemaVersion5.migrate(db)
        }
        migrator.registerMigration(SchemaVersion6.identifier) { db in
            try SchemaVersion6.migrate(db)
        }
        migrator.registerMigration(SchemaVersion7.identifier) { db in
            try SchemaVersion7.migrate(db)
        }
        return migrator
    }

    private static func createVersion1(_ db: Database) throws {
        // One edition of the catalogue, e.g. "2024".
        try db.create(table: "revisions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("label", .text).notNull().unique()
            t.column("date", .datetime)
            t.column("createdAt", .datetime).notNull()
        }
        // A file imported into a revision. Within a revision a file is known by its path
        // and, when it was moved or copied, by its content (sha256).
        try db.create(table: "sources") { t in
            t.autoIncrementedPrimaryKey("id")
            // Not indexed on its own: the unique key (revisionId, path) starts with it.
            t.belongsTo("revision", inTable: "revisions", onDelete: .cascade, indexed: false).notNull()
            t.column("path", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("format", .text).notNull()
            t.column("importedAt", .datetime).notNull()
            t.uniqueKey(["revisionId", "path"])
        }
        try db.create(index: "sources_by_content", on: "sources", columns: ["revisionId", "sha256"])

        // A department, township or village committee; shared by all revisions.
        try db.create(table: "units") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("level", .text).notNull()
            t.uniqueKey(["name", "level"])
        }

        // Every distinct field value, once: catalogues repeat long legal bases and duties over
        // many items, and sub-items repeat their main item's. Found by `hash` (the first 8 bytes
        // of the text's SHA-256, see `TextIDs`), then compared in full.
        try db.create(table: "texts") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("hash", .integer).notNull().indexed()
            t.column("text", .text).notNull()
        }

        // One power (or sub-item) as stored: per ItemField, `<field>Id` (its value in `texts`,
        // NULL when the cell is empty) and `<field>Cell` (the cell or merged range it was read
        // from). Read items through the `items` view below. The text ids are not declared as
        // foreign keys: checking 22 of them slows every insert, and deleting a text would scan
        // this table once per column.
        try db.create(table: "itemRecords") { t in
            t.autoIncrementedPrimaryKey("id")
            // revisionId leads the three query indexes below, so it needs none of its own.
            t.belongsTo("revision", inTable: "revisions", onDelete: .cascade, indexed: false).notNull()
            t.belongsTo("source", inTable: "sources", onDelete: .cascade).notNull()
            t.belongsTo("unit", inTable: "units").notNull()
            // Order of the item within its source, to list items as the file lists them.
            t.column("position", .integer).notNull()
            // Provenance: the file as named in findings, the sheet and the Excel rows.
            t.column("file", .text).notNull()
            t.column("sheet", .text).notNull()
            t.column("firstRow", .integer).notNull().check { $0 >= 1 }
            t.column("lastRow", .integer).notNull()
            t.check(sql: "lastRow >= firstRow")
            for field in ItemField.allCases {
                t.column(textIDColumn(field), .integer)
            }
            for field in ItemField.allCases {
                t.column(cellColumn(field), .text)
            }
        }
        try db.create(index: "items_by_unit", on: "itemRecords", columns: ["revisionId", "unitId"])
        try db.create(index: "items_by_category", on: "itemRecords", columns: ["revisionId", textIDColumn(.category)])
        try db.create(index: "items_by_name", on: "itemRecords", columns: ["revisionId", textIDColumn(.name)])
        try db.execute(sql: itemsView)

        // Columns the schemas do not know, kept under their own header, in sheet order.
        try db.create(table: "extraFields") { t in
            t.belongsTo("item", inTable: "itemRecords", onDelete: .cascade, indexed: false).notNull()  // primary key prefix
            t.column("position", .integer).notNull()
            t.column("header", .text).notNull()
            t.column("value", .text).notNull()
            t.column("cell", .text).notNull()
            t.primaryKey(["itemId", "position"])
        }
        // What the importer noticed about a source; replaced with the source.
        try db.create(table: "findings") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("source", inTable: "sources", onDelete: .cascade).notNull()
            t.column("code", .text).notNull()
            t.column("severity", .text).notNull()
            t.column("message", .text).notNull()
            t.column("file", .text).notNull()
            t.column("sheet", .text)
            t.column("cell", .text)
        }
    }

    /// `basisId`: the column of `itemRecords` holding the id of a field's text.
    static func textIDColumn(_ field: ItemField) -> String { "\(field.rawValue)Id" }

    /// `basisCell`: the column holding the cell (or merged range) a field was read from.
    static func cellColumn(_ field: ItemField) -> String { "\(field.rawValue)Cell" }

    /// `items`: every column of `itemRecords`, with each field's text under the field's raw
    /// value (`name`, `basis`, …), so queries read and filter fields by name in plain SQL.
    /// (SQLite skips the join of a field a query does not use.) Equal texts have equal ids,
    /// so comparing `nameId` compares names.
    static var itemsView: String {
        let texts = ItemField.allCases.map { "\($0.rawValue)Text.text AS \"\($0.rawValue)\"" }
        let joins = ItemField.allCases.map {
            "LEFT JOIN texts AS \($0.rawValue)Text ON \($0.rawValue)Text.id = itemRecords.\(textIDColumn($0))"
        }
        return """
            CREATE VIEW items AS SELECT itemRecords.*, \(texts.joined(separator: ", "))
            FROM itemRecords \(joins.joined(separator: " "))
            """
    }
}
