import Catalogue
import Foundation
import GRDB

/// Inserts the items of one source into `itemRecords` (raw values, key, category), their clean
/// values where they differ (`cleanFields`) and their citations (`CitationListIDs`), each text
/// stored once in `texts`.
///
/// Built for large imports (hundreds of thousands of items): each statement prepared once and
/// bound value by value (`BoundStatement`), from a `PreparedChunk` whose texts are numbered
/// already, so a value costs an array lookup here. `insertClean` is for clean values alone,
/// stored again after a re-clean (`Workspace.saveClean`), looking its texts up itself.
struct ItemInserter {
    private let revisionID: Int64
    private let sourceID: Int64
    /// Texts of `insertClean` (the import's are numbered by `ChunkPreparer`).
    private var texts: TextIDs
    private var citations: CitationListIDs
    private let insertItems: MultiRowInsert
    private let insertCleanFields: MultiRowInsert
    private let insertCleanField: BoundStatement
    private let insertExtra: BoundStatement

    init(revisionID: Int64, sourceID: Int64, _ db: Database) throws {
        self.revisionID = revisionID
        self.sourceID = sourceID
        texts = try TextIDs(db)
        insertItems = try MultiRowInsert(into: "itemRecords", columns: Self.columns, db)
        insertCleanFields = try MultiRowInsert(into: "cleanFields", columns: ["itemId", "field", "textId"], db)
        insertCleanField = try BoundStatement("INSERT INTO cleanFields (itemId, field, textId) VALUES (?, ?, ?)", db)
        citations = try CitationListIDs(db)
        insertExtra = try BoundStatement("INSERT INTO extraFields (itemId, position, header, value, cell) VALUES (?, ?, ?, ?, ?)", db)
    }

    private static let fields = ChunkPreparer.fields
    private static let columns = ["id", "revisionId", "sourceId", "unitId", "position", "file", "sheet", "firstRow",
                                  "lastRow", "itemKey", "categoryName", "categoryCode"]
        + fields.map(Schema.textIDColumn) + fields.map(Schema.cellColumn)
    /// The column (1-based) of the first field in `columns`.
    private static let firstFieldColumn: Int32 = 13

    /// Inserts the chunk's items with their clean values, citations and extra fields, the
    /// items with ids from `firstID` on (in order) and positions in the source from `firstPosition` on.
    /// - Parameters:
    ///   - unitIDs: the id of each item's unit, in order.
    ///   - textIDs: the ids of the texts by number.
    mutating func insert(_ chunk: PreparedChunk, firstID: Int64, firstPosition: Int, unitIDs: [Int64],
                         textIDs: [Int64]) throws {
        let fieldCount = Self.fields.count
        // Read in place: a `PowerItem` copied out of the array retains its dozens of strings.
        try chunk.items.withUnsafeBufferPointer { items in
            try insertItems.insert(count: items.count) { index, row in
                let provenance = items[index].raw.provenance
                row.bind(1, firstID + Int64(index))
                row.bind(2, revisionID)
                row.bind(3, sourceID)
                row.bind(4, unitIDs[index])
                row.bind(5, firstPosition + index)
                row.bind(6, provenance.file)
                row.bind(7, provenance.sheet)
                row.bind(8, provenance.firstRow)
                row.bind(9, provenance.lastRow)
                row.bind(10, items[index].key.rawValue)
                row.bind(11, items[index].category?.name)
                row.bind(12, items[index].category?.code)
                for offset in 0..<fieldCount {
                    let column = Self.firstFieldColumn + Int32(offset)
                    row.bind(column, Self.id(chunk.fieldTexts[index * fieldCount + offset], in: textIDs))
                    row.bind(column + Int32(fieldCount), chunk.cells[index * fieldCount + offset])
                }
            }
        }
        try insertCleanFields.insert(count: chunk.cleanFields.count) { index, row in
            let field = chunk.cleanFields[index]
            row.bind(1, firstID + Int64(field.item))
            row.bind(2, field.field.rawValue)
            row.bind(3, Self.id(field.text, in: textIDs))
        }
        try citations.write(chunk.citations, firstItemID: firstID)
        try chunk.items.withUnsafeBufferPointer { items in
            for index in items.indices where !items[index].raw.extraFields.isEmpty {
                try insertExtras(items[index].raw.extraFields, itemID: firstID + Int64(index))
            }
        }
    }

    /// The id of a numbered text; nil for `DraftTexts.none`.
    static func id(_ number: Int32, in textIDs: [Int64]) -> Int64? {
        number == DraftTexts.none ? nil : textIDs[Int(number)]
    }

    /// The clean values that differ from the raw ones, and the citations.
    mutating func insertClean(_ clean: PowerItem, itemID: Int64) throws {
        for field in Self.fields where ChunkPreparer.differ(clean.fields[field], clean.raw.fields[field]) {
            try insertCleanField(itemID: itemID, field: field, textID: clean.fields[field].map { try texts.id(of: $0) })
        }
        try citations.insert(clean.citations, basis: clean.fields[.basis] ?? nil, itemID: itemID)
    }

    private func insertCleanField(itemID: Int64, field: ItemField, textID: Int64?) throws {
        insertCleanField.bind(1, itemID)
        insertCleanField.bind(2, field.rawValue)
        insertCleanField.bind(3, textID)
        try insertCleanField.run()
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
