import Catalogue
import GRDB

/// Writes one source's items and findings inside `importSource`'s transaction, chunk by chunk.
struct SourceWriter {
    private let revisionID: Int64
    private let sourceID: Int64
    private var inserter: ItemInserter
    private var units = UnitIDs()
    private let insertFinding: BoundStatement
    private let placeFinding: BoundStatement
    /// The first item of the source with each key, by the key's bytes (keys are in NFKC, so
    /// equal keys have equal bytes).
    private var itemIDs: [UTF8Key: Int64] = [:]
    /// The item key asked for last and its item: a chunk's findings come item by item, several
    /// about each, and hashing the key for each of them cost more than storing the finding.
    private var lastItem: (key: UTF8Key, id: Int64?)?
    private var position = 0
    /// The ids of the leading findings, in order.
    private var leadingIDs: [Int64] = []

    init(revisionID: Int64, sourceID: Int64, _ db: Database) throws {
        self.revisionID = revisionID
        self.sourceID = sourceID
        inserter = try ItemInserter(revisionID: revisionID, sourceID: sourceID, db)
        insertFinding = try BoundStatement(FindingRecord.insertSQL, db)
        placeFinding = try BoundStatement("UPDATE findings SET itemId = ?, itemKeyId = ?, field = ? WHERE id = ?", db)
    }

    mutating func insert(_ units: [AdminUnit], _ db: Database) throws {
        for unit in units { _ = try self.units.id(of: unit, db) }
    }

    /// Findings stored ahead of the items, placed later by `place(_:)`.
    mutating func insertLeading(_ findings: [Finding]) throws {
        for finding in findings {
            try insert(finding)
            leadingIDs.append(insertFinding.lastInsertedRowID)
        }
    }

    mutating func insert(_ chunk: SourceChunk, _ db: Database) throws {
        lastItem = nil
        for item in chunk.items {
            let id = try inserter.insert(item, position: position, unitID: units.id(of: item.unit, db), db)
            position += 1
            let key = UTF8Key(item.key.rawValue)
            if itemIDs[key] == nil { itemIDs[key] = id }
        }
        for finding in chunk.findings { try insert(finding) }
    }

    /// Ties the leading findings to their items: `placed` is them again, in order.
    mutating func place(_ placed: [Finding]) throws {
        for (id, finding) in zip(leadingIDs, placed) where finding.item != nil || finding.field != nil {
            placeFinding.bind(1, itemID(of: finding.item))
            placeFinding.bind(2, try finding.item.map { try inserter.texts.id(of: $0.rawValue) })
            placeFinding.bind(3, finding.field?.rawValue)
            placeFinding.bind(4, id)
            try placeFinding.run()
        }
    }

    private mutating func insert(_ finding: Finding) throws {
        try FindingRecord.insert(finding, revisionID: revisionID, sourceID: sourceID,
                                 itemID: itemID(of: finding.item), texts: &inserter.texts, with: insertFinding)
    }

    /// The first item of the source with `key`, among those stored so far.
    private mutating func itemID(of key: ItemKey?) -> Int64? {
        guard let key else { return nil }
        let bytes = UTF8Key(key.rawValue)
        if let lastItem, lastItem.key == bytes { return lastItem.id }
        let id = itemIDs[bytes]
        lastItem = (bytes, id)
        return id
    }
}
