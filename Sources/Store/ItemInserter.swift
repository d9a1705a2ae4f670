import Catalogue
import Foundation
import GRDB

/// Inserts the items of one source into `itemRecords` (raw values, key, category), their clean
/// values where they differ (`cleanFields`) and their citations (`CitationListIDs`), each text
/// stored once in `texts`.
///
/// Built for large imports (hundreds of thousands of items): each statement prepared once and
/// bound value by value (`BoundStatement`), and the ids of texts and units remembered, so a
/// text repeated on many items is looked up in the database once.
struct ItemInserter {
    private let revisionID: Int64
    private let sourceID: Int64
    /// Shared with the source's findings: two `TextIDs` in one transaction would each insert a new text.
    var texts: TextIDs
    private var citations: CitationListIDs
    private let insertItem: BoundStatement
    private let insertCleanField: BoundStatement
    private let insertExtra: BoundStatement

    init(revisionID: Int64, sourceID: Int64, _ db: Database) throws {
        self.revisionID = revisionID
        self.sourceID = sourceID
        texts = try TextIDs(db)
        insertItem = try BoundStatement(Self.insertSQL, db)
        insertCleanField = try BoundStatement("INSERT INTO cleanFields (itemId, field, textId) VALUES (?, ?, ?)", db)
        citations = try CitationListIDs(db)
        insertExtra = try BoundStatement("INSERT INTO extraFields (itemId, position, header, value, cell) VALUES (?, ?, ?, ?, ?)", db)
    }

    private static let fields = ItemField.allCases
    private static let columns = ["revisionId", "sourceId", "unitId", "position", "file", "sheet", "firstRow", "lastRow",
                                  "itemKey", "categoryName", "categoryCode"]
        + fields.map(Schema.textIDColumn) + fields.map(Schema.cellColumn)
    /// The parameter (1-based) of the first field column in `columns`.
    private static let firstFieldParameter: Int32 = 12
    private static let insertSQL = """
        INSERT INTO itemRecords (\(columns.map { "\"\($0)\"" }.joined(separator: ", ")))
        VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
        """

    /// Inserts the item and returns its id.
    @discardableResult
    mutating func insert(_ clean: PowerItem, position: Int, unitID: Int64, _ db: Database) throws -> Int64 {
        let item = clean.raw
        let provenance = item.provenance
        let statement = insertItem
        statement.bind(1, revisionID)
        statement.bind(2, sourceID)
        statement.bind(3, unitID)
        statement.bind(4, position)
        statement.bind(5, provenance.file)
        statement.bind(6, provenance.sheet)
        statement.bind(7, provenance.firstRow)
        statement.bind(8, provenance.lastRow)
        statement.bind(9, clean.key.rawValue)
        statement.bind(10, clean.category?.name)
        statement.bind(11, clean.category?.code)
        let fieldCount = Int32(Self.fields.count)
        for (offset, field) in Self.fields.enumerated() {
            let parameter = Self.firstFieldParameter + Int32(offset)
            statement.bind(parameter, try item.fields[field].map { try texts.id(of: $0) })
            statement.bind(parameter + fieldCount, provenance.cells[field])
        }
        try statement.run()
        let itemID = db.lastInsertedRowID
        try insertClean(clean, itemID: itemID)
        try insertExtras(item.extraFields, itemID: itemID)
        return itemID
    }

    /// The clean values that differ from the raw ones, and the citations.
    mutating func insertClean(_ clean: PowerItem, itemID: Int64) throws {
        for field in Self.fields where Self.differ(clean.fields[field], clean.raw.fields[field]) {
            insertCleanField.bind(1, itemID)
            insertCleanField.bind(2, field.rawValue)
            insertCleanField.bind(3, try clean.fields[field].map { try texts.id(of: $0) })
            try insertCleanField.run()
        }
        try citations.insert(clean.citations, basis: clean.fields[.basis] ?? nil, itemID: itemID)
    }

    /// `!=` as `String` compares (canonical equivalence), but equal bytes — nearly every clean
    /// value — are seen without normalizing the text.
    private static func differ(_ clean: String?, _ raw: String?) -> Bool {
        switch (clean, raw) {
        case (nil, nil): false
        case (let clean?, let raw?): !(UTF8Key(clean) == UTF8Key(raw) || clean == raw)
        default: true
        }
    }

    private func insertExtras(_ extraFields: [ExtraField], itemID: Int64) throws {
        for (position, extra) in extraFields.enumerated() {
            insertExtra.bind(1, itemID)
            insertExtra.bind(2, position)
            insertExtra.bind(3, extra.header)
            insertExtra.bind(4, extra.value)
            insertExtra.bind(5, extra.cell)
            try insertExtra.run()
        }
    }
}

/// Unit ids by unit, inserting a unit the first time it is seen.
struct UnitIDs {
    private var known: [AdminUnit: Int64] = [:]
    /// The unit asked for last: a file lists a unit's items together, and hashing its
    /// Chinese name for each of them would normalize it every time.
    private var last: (unit: AdminUnit, id: Int64)?

    mutating func id(of unit: AdminUnit, _ db: Database) throws -> Int64 {
        if let last, last.unit.level == unit.level, UTF8Key(last.unit.name) == UTF8Key(unit.name) { return last.id }
        let id = try knownID(of: unit, db)
        last = (unit, id)
        return id
    }

    private mutating func knownID(of unit: AdminUnit, _ db: Database) throws -> Int64 {
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
