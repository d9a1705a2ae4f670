import Catalogue
import GRDB

/// The workspace database schema, as a list of migrations applied in order.
///
/// Never edit a migration that has shipped: add a new one, so existing workspaces upgrade
/// in place. A workspace written by a newer powerlist (with migrations this build does not
/// know) is refused rather than guessed at.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, items, provenance, findings") { db in
            try createVersion1(db)
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

        // One power (or sub-item): one column per ItemField, named by its raw value, so
        // later stages can query any field in SQL. Adding an ItemField case needs a migration
        // that adds its column (a test checks that every case has one).
        try db.create(table: "items") { t in
            t.autoIncrementedPrimaryKey("id")
            // revisionId leads the three query indexes below, so it needs none of its own.
            t.belongsTo("revision", inTable: "revisions", onDelete: .cascade, indexed: false).notNull()
            t.belongsTo("source", inTable: "sources", onDelete: .cascade).notNull()
            t.belongsTo("unit", inTable: "units").notNull()
            // Order of the item within its source, to list items as the file lists them.
            t.column("position", .integer).notNull()
            for field in ItemField.allCases {
                t.column(field.rawValue, .text)
            }
            // Provenance: the file as named in findings, the sheet and the Excel rows.
            t.column("file", .text).notNull()
            t.column("sheet", .text).notNull()
            t.column("firstRow", .integer).notNull().check { $0 >= 1 }
            t.column("lastRow", .integer).notNull()
            t.check(sql: "lastRow >= firstRow")
        }
        try db.create(index: "items_by_unit", on: "items", columns: ["revisionId", "unitId"])
        try db.create(index: "items_by_category", on: "items", columns: ["revisionId", "category"])
        try db.create(index: "items_by_name", on: "items", columns: ["revisionId", "name"])

        // The cell (or merged range) each field of an item was read from.
        try db.create(table: "itemCells") { t in
            t.belongsTo("item", inTable: "items", onDelete: .cascade, indexed: false).notNull()  // primary key prefix
            t.column("field", .text).notNull()
            t.column("cell", .text).notNull()
            t.primaryKey(["itemId", "field"])
        }
        // Columns the schemas do not know, kept under their own header, in sheet order.
        try db.create(table: "extraFields") { t in
            t.belongsTo("item", inTable: "items", onDelete: .cascade, indexed: false).notNull()  // primary key prefix
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
}
