import Catalogue
import GRDB

/// Writes one source's prepared chunks (`PreparedChunk`) inside `importSource`'s transaction:
/// each chunk's new texts first (their ids, by number), then its items and findings.
struct SourceWriter {
    private let revisionID: Int64
    private let sourceID: Int64
    private var inserter: ItemInserter
    private let texts: TextIDs
    /// The `texts` id of every text numbered so far, by number.
    private var textIDs: [Int64] = []
    /// The id of every item stored so far, by position in the source.
    private var itemIDs: [Int64] = []
    private var units = UnitIDs()
    private let insertFinding: BoundStatement
    private let placeFinding: BoundStatement
    /// The ids of the leading findings, in order.
    private var leadingIDs: [Int64] = []

    init(revisionID: Int64, sourceID: Int64, _ db: Database) throws {
        self.revisionID = revisionID
        self.sourceID = sourceID
        inserter = try ItemInserter(revisionID: revisionID, sourceID: sourceID, db)
        texts = try TextIDs(db)
        insertFinding = try BoundStatement(FindingRecord.insertSQL, db)
        placeFinding = try BoundStatement("UPDATE findings SET itemId = ?, itemKeyId = ?, field = ? WHERE id = ?", db)
    }

    mutating func insert(_ units: [AdminUnit], _ db: Database) throws {
        for unit in units { _ = try self.units.id(of: unit, db) }
    }

    /// Findings stored ahead of the items, placed later by a chunk's `placements`.
    mutating func insertLeading(_ chunk: PreparedChunk) throws {
        try storeTexts(chunk)
        for finding in chunk.findings {
            try insert(finding)
            leadingIDs.append(insertFinding.lastInsertedRowID)
        }
    }

    /// Stores a chunk of items and their findings, or the placements of the leading findings.
    mutating func write(_ chunk: PreparedChunk, _ db: Database) throws {
        try storeTexts(chunk)
        var cleanField = 0
        for index in chunk.items.indices {
            let unitID = try units.id(of: chunk.items[index].unit, db)
            itemIDs.append(try inserter.insert(index, of: chunk, cleanField: &cleanField, position: itemIDs.count,
                                               unitID: unitID, textIDs: textIDs))
        }
        for finding in chunk.findings { try insert(finding) }
        for placement in chunk.placements {
            placeFinding.bind(1, itemID(at: placement.item))
            placeFinding.bind(2, ItemInserter.id(placement.itemKey, in: textIDs))
            placeFinding.bind(3, placement.field?.rawValue)
            placeFinding.bind(4, leadingIDs[placement.leading])
            try placeFinding.run()
        }
    }

    private mutating func storeTexts(_ chunk: PreparedChunk) throws {
        for new in chunk.newTexts { textIDs.append(try texts.store(new)) }
    }

    private func insert(_ prepared: PreparedFinding) throws {
        try FindingRecord.insert(prepared.finding, revisionID: revisionID, sourceID: sourceID,
                                 itemID: itemID(at: prepared.item),
                                 itemKeyID: ItemInserter.id(prepared.itemKey, in: textIDs),
                                 messageID: textIDs[Int(prepared.message)], fileID: textIDs[Int(prepared.file)],
                                 with: insertFinding)
    }

    private func itemID(at position: Int32) -> Int64? {
        position == ChunkPreparer.noItem ? nil : itemIDs[Int(position)]
    }
}
