import Catalogue
import Crypto
import Foundation
import GRDB

/// Inserts the items of one source into `itemRecords` (raw values, key, category), their clean
/// values where they differ (`cleanFields`) and their citations, each text stored once in `texts`.
///
/// Built for large imports (hundreds of thousands of items): one prepared statement whose
/// argument array is refilled for each item, and the ids of texts and units remembered, so
/// a text repeated on many items is looked up in the database once.
struct ItemInserter {
    private let revisionID: Int64
    private let sourceID: Int64
    private var texts = TextIDs()
    /// The arguments of `insertSQL`, in its column order; overwritten for each item.
    /// (Existentials rather than `DatabaseValue`s: GRDB converts an array of the latter through a
    /// key path per value, which cost as much as the rest of the insert.)
    private var values: [(any DatabaseValueConvertible)?]

    init(revisionID: Int64, sourceID: Int64) {
        self.revisionID = revisionID
        self.sourceID = sourceID
        values = Array(repeating: nil, count: Self.columns.count)
    }

    private static let fields = ItemField.allCases
    private static let columns = ["revisionId", "sourceId", "unitId", "position", "file", "sheet", "firstRow", "lastRow",
                                  "itemKey", "categoryName", "categoryCode"]
        + fields.map(Schema.textIDColumn) + fields.map(Schema.cellColumn)
    /// Where the field columns begin in `columns`.
    private static let firstFieldColumn = 11
    private static let insertSQL = """
        INSERT INTO itemRecords (\(columns.map { "\"\($0)\"" }.joined(separator: ", ")))
        VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
        """

    /// Inserts the item and returns its id.
    @discardableResult
    mutating func insert(_ clean: PowerItem, position: Int, unitID: Int64, _ db: Database) throws -> Int64 {
        let item = clean.raw
        let provenance = item.provenance
        values[0] = revisionID
        values[1] = sourceID
        values[2] = unitID
        values[3] = position
        values[4] = provenance.file
        values[5] = provenance.sheet
        values[6] = provenance.firstRow
        values[7] = provenance.lastRow
        values[8] = clean.key.rawValue
        values[9] = clean.category?.name
        values[10] = clean.category?.code
        for (offset, field) in Self.fields.enumerated() {
            values[Self.firstFieldColumn + offset] = try item.fields[field].map { try texts.id(of: $0, db) }
            values[Self.firstFieldColumn + Self.fields.count + offset] = provenance.cells[field]
        }
        let statement = try db.cachedStatement(sql: Self.insertSQL)
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
        let itemID = db.lastInsertedRowID
        try insertClean(clean, itemID: itemID, db)
        try insertExtras(item.extraFields, itemID: itemID, db)
        return itemID
    }

    /// The clean values that differ from the raw ones, and the citations.
    mutating func insertClean(_ clean: PowerItem, itemID: Int64, _ db: Database) throws {
        for field in Self.fields where clean.fields[field] != clean.raw.fields[field] {
            let textID = try clean.fields[field].map { try texts.id(of: $0, db) }
            try db.cachedStatement(sql: "INSERT INTO cleanFields (itemId, field, textId) VALUES (?, ?, ?)")
                .execute(arguments: [itemID, field.rawValue, textID])
        }
        for (position, citation) in clean.citations.enumerated() {
            try CitationRecord.insert(citation, itemID: itemID, position: position, db)
        }
    }

    private func insertExtras(_ extraFields: [ExtraField], itemID: Int64, _ db: Database) throws {
        guard !extraFields.isEmpty else { return }
        let insertExtra = try db.cachedStatement(sql: """
            INSERT INTO extraFields (itemId, position, header, value, cell) VALUES (?, ?, ?, ?, ?)
            """)
        for (position, extra) in extraFields.enumerated() {
            try insertExtra.execute(arguments: [itemID, position, extra.header, extra.value, extra.cell])
        }
    }
}

/// Text ids by text, inserting a text into `texts` the first time it is seen.
struct TextIDs {
    private var known: [UTF8Key: Int64] = [:]

    mutating func id(of text: String, _ db: Database) throws -> Int64 {
        if let id = known[UTF8Key(text)] { return id }
        let hash = Self.hash(of: text)
        let id: Int64
        let find = try db.cachedStatement(sql: "SELECT id FROM texts WHERE hash = ? AND text = ?")
        if let existing = try Int64.fetchOne(find, arguments: [hash, text]) {
            id = existing
        } else {
            try db.cachedStatement(sql: "INSERT INTO texts (hash, text) VALUES (?, ?)").execute(arguments: [hash, text])
            id = db.lastInsertedRowID
        }
        known[UTF8Key(text)] = id
        return id
    }

    /// A string compared and hashed by its UTF-8 bytes, as SQLite compares texts. (`String`
    /// compares by Unicode canonical equivalence, which normalizes Chinese text on every
    /// hash: several times slower, and it would merge texts whose bytes differ.)
    private struct UTF8Key: Hashable {
        var text: String
        init(_ text: String) { self.text = text }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }

        static func == (a: UTF8Key, b: UTF8Key) -> Bool {
            var a = a.text, b = b.text
            return a.withUTF8 { a in
                b.withUTF8 { b in
                    guard a.count == b.count, let start = a.baseAddress, let other = b.baseAddress else { return a.count == b.count }
                    return memcmp(start, other, a.count) == 0
                }
            }
        }
    }

    /// The first 8 bytes of the text's SHA-256: stable across runs (unlike `Hasher`), and
    /// small to index; texts sharing a hash are told apart by comparing them.
    static func hash(of text: String) -> Int64 {
        SHA256.hash(data: Data(text.utf8)).prefix(8).reduce(0) { $0 << 8 | Int64($1) }
    }
}

/// Unit ids by unit, inserting a unit the first time it is seen.
struct UnitIDs {
    private var known: [AdminUnit: Int64] = [:]

    mutating func id(of unit: AdminUnit, _ db: Database) throws -> Int64 {
        if let id = known[unit] { return id }
        try db.execute(sql: "INSERT INTO units (name, level) VALUES (?, ?) ON CONFLICT DO NOTHING",
                       arguments: [unit.name, unit.level.rawValue])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM units WHERE name = ? AND level = ?",
                                          arguments: [unit.name, unit.level.rawValue]) else {
            throw StoreError.database(file: "", detail: "无法登记单位 \(unit.name)")
        }
        known[unit] = id
        return id
    }
}
