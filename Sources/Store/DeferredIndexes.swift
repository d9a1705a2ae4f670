import GRDB

/// The secondary indexes of the tables an import fills, dropped while the first import into
/// an empty workspace inserts its items and created again once they are in, in the same
/// transaction. Building an index over a finished table sorts its keys once; keeping it up to
/// date seeks its B-tree on every row, and item keys and text hashes come in random order.
///
/// Only when the workspace holds no items and no texts: then nothing is searched through these
/// indexes during the import (`TextIDs` does not search an empty `texts`).
struct DeferredIndexes {
    /// The `CREATE INDEX` statements of the dropped indexes, as `sqlite_master` holds them.
    private let definitions: [String]

    /// The tables an import writes to.
    private static let tables = ["itemRecords", "texts", "cleanFields", "extraFields", "citationLists",
                                 "itemCitations", "findings"]

    /// Drops the indexes when the workspace is empty; otherwise drops nothing.
    static func dropIfEmpty(_ db: Database) throws -> DeferredIndexes {
        let empty = try Bool.fetchOne(db, sql: """
            SELECT NOT EXISTS (SELECT 1 FROM itemRecords) AND NOT EXISTS (SELECT 1 FROM texts)
            """) ?? false
        guard empty else { return DeferredIndexes(definitions: []) }
        let list = tables.map { "'\($0)'" }.joined(separator: ", ")
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(list))
            ORDER BY rowid
            """)
        for index in indexes {
            let name: String = index["name"]
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
        }
        return DeferredIndexes(definitions: indexes.map { $0["sql"] })
    }

    /// Creates the dropped indexes again, as they were defined.
    func create(_ db: Database) throws {
        for definition in definitions { try db.execute(sql: definition) }
    }
}
