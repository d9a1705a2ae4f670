import Catalogue
import GRDB

/// Writes one source's prepared chunks (`PreparedChunk`) inside `importSource`'s transaction:
/// each chunk's new texts first (their ids, by number), then its items and findings, each table
/// many rows per statement (`MultiRowInsert`) with the ids given here.
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
    private let insertFindings: MultiRowInsert
    private let placeFinding: BoundStatement
    /// The ids of the leading findings, in order.
    private var leadingIDs: [Int64] = []

    init(revisionID: Int64, sourceID: Int64, _ db: Database) throws {
        self.revisionID = revisionID
        self.sourceID = sourceID
        inserter = try ItemInserter(revisionID: revisionID, sourceID: sourceID, db)
        texts = try TextIDs(db)
        insertFindings = try MultiRowInsert(into: "findings", columns: ["id"] + FindingRecord.columns, db)
        placeFinding = try BoundStatement("UPDATE findings SET itemId = ?, itemKeyId = ?, field = ? WHERE id = ?", db)
    }

    mutating func insert(_ units: [AdminUnit], _ db: Database) throws {
        for unit in units { _ = try self.units.id(of: unit, db) }
    }

    /// Findings stored ahead of the items, placed later by a chunk's `placements`.
    mutating func insertLeading(_ chunk: PreparedChunk, _ db: Database) throws {
        try storeTexts(chunk, db)
        let firstID = try insert(chunk.findings, db)
        leadingIDs = Array(firstID..<firstID + Int64(chunk.findings.count))
    }

    /// Stores a chunk of items and their findings, or the placements of the leading findings.
    mutating func write(_ chunk: PreparedChunk, _ db: Database) throws {
        try storeTexts(chunk, db)
        let unitIDs = try chunk.items.indices.map { try units.id(of: chunk.items[$0].raw.unit, db) }
        let firstID = try MultiRowInsert.nextID(of: "itemRecords", db)
        try inserter.insert(chunk, firstID: firstID, firstPosition: itemIDs.count, unitIDs: unitIDs, textIDs: textIDs)
        itemIDs.append(contentsOf: firstID..<firstID + Int64(chunk.items.count))
        _ = try insert(chunk.findings, db)
        for placement in chunk.placements {
            placeFinding.bind(1, itemID(at: placement.item))
            placeFinding.bind(2, ItemInserter.id(placement.itemKey, in: textIDs))
            placeFinding.bind(3, placement.field?.rawValue)
            placeFinding.bind(4, leadingIDs[placement.leading])
            try placeFinding.run()
        }
    }

    private mutating func storeTexts(_ chunk: PreparedChunk, _ db: Database) throws {
        textIDs.append(contentsOf: try texts.store(chunk.newTexts, db))
    }

    /// Inserts the findings with ids in order, and returns the first.
    private func insert(_ findings: [PreparedFinding], _ db: Database) throws -> Int64 {
        let firstID = try MultiRowInsert.nextID(of: "findings", db)
        try insertFindings.insert(count: findings.count) { index, row in
            let prepared = findings[index]
            row.bind(1, firstID + Int64(index))
            FindingRecord.bind(prepared.finding, revisionID: revisionID, sourceID: sourceID,
                               itemID: itemID(at: prepared.item),
                               itemKeyID: ItemInserter.id(prepared.itemKey, in: textIDs),
                               messageID: textIDs[Int(prepared.message)], fileID: textIDs[Int(prepared.file)],
                               to: row.columns(from: 2))
        }
        return firstID
    }

    private func itemID(at position: Int32) -> Int64? {
        position == ChunkPreparer.noItem ? nil : itemIDs[Int(position)]
    }
}
