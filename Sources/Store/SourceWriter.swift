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
    private let insertListFindings: MultiRowInsert
    private let placeFinding: BoundStatement
    /// The ids of the leading findings, in order.
    private var leadingIDs: [Int64] = []

    init(revisionID: Int64, sourceID: Int64, _ db: Database) throws {
        self.revisionID = revisionID
        self.sourceID = sourceID
        inserter = try ItemInserter(revisionID: revisionID, sourceID: sourceID, db)
        texts = try TextIDs(db)
        insertFindings = try MultiRowInsert(into: "findings", columns: ["id"] + FindingRecord.columns, db)
        insertListFindings = try MultiRowInsert(into: "listFindings",
                                                columns: ["listId", "position", "code", "severity", "messageId"], db)
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
        try insert(chunk.newListFindings)
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
            let (itemID, itemKeyID) = (itemID(at: prepared.item), ItemInserter.id(prepared.itemKey, in: textIDs))
            let (messageID, fileID) = (textIDs[Int(prepared.message)], textIDs[Int(prepared.file)])
            if let list = prepared.list {
                FindingRecord.bindRun(prepared.finding, list: list, revisionID: revisionID, sourceID: sourceID,
                                      itemID: itemID, itemKeyID: itemKeyID, messageID: messageID, fileID: fileID,
                                      to: row.columns(from: 2))
            } else {
                FindingRecord.bind(prepared.finding, revisionID: revisionID, sourceID: sourceID, itemID: itemID,
                                   itemKeyID: itemKeyID, messageID: messageID, fileID: fileID, to: row.columns(from: 2))
            }
        }
        return firstID
    }

    private func insert(_ listFindings: [ListFinding]) throws {
        try insertListFindings.insert(count: listFindings.count) { index, row in
            let found = listFindings[index]
            row.bind(1, found.list)
            row.bind(2, Int64(found.position))
            row.bind(3, found.code.rawValue)
            row.bind(4, found.severity.rawValue)
            row.bind(5, textIDs[Int(found.message)])
        }
    }

    private func itemID(at position: Int32) -> Int64? {
        position == ChunkPreparer.noItem ? nil : itemIDs[Int(position)]
    }
}
