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

    private static let fields = ChunkPreparer.fields
    private static let columns = ["revisionId", "sourceId", "unitId", "position", "file", "sheet", "firstRow", "lastRow",
                                  "itemKey", "categoryName", "categoryCode"]
        + fields.map(Schema.textIDColumn) + fields.map(Schema.cellColumn)
    /// The parameter (1-based) of the first field column in `columns`.
    private static let firstFieldParameter: Int32 = 12
    private static let insertSQL = """
        INSERT INTO itemRecords (\(columns.map { "\"\($0)\"" }.joined(separator: ", ")))
        VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
        """

    /// Inserts the item at `index` of the chunk with its clean values (from `cleanField` on,
    /// which is moved past them), citations and extra fields, and returns its id.
    /// - Parameter textIDs: the ids of the texts by number.
    mutating func insert(_ index: Int, of chunk: PreparedChunk, cleanField: inout Int, position: Int, unitID: Int64,
                         textIDs: [Int64]) throws -> Int64 {
        let clean = chunk.items[index]
        let provenance = clean.raw.provenance
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
        let fieldCount = Self.fields.count
        for offset in 0..<fieldCount {
            let parameter = Self.firstFieldParameter + Int32(offset)
            statement.bind(parameter, Self.id(chunk.fieldTexts[index * fieldCount + offset], in: textIDs))
            statement.bind(parameter + Int32(fieldCount), chunk.cells[index * fieldCount + offset])
        }
        try statement.run()
        let itemID = statement.lastInsertedRowID
        while cleanField < chunk.cleanFields.count, chunk.cleanFields[cleanField].item == index {
            let field = chunk.cleanFields[cleanField]
            try insertCleanField(itemID: itemID, field: field.field, textID: Self.id(field.text, in: textIDs))
            cleanField += 1
        }
        if let use = chunk.citations[index] { try citations.write(use, itemID: itemID) }
        try insertExtras(clean.raw.extraFields, itemID: itemID)
        return itemID
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
