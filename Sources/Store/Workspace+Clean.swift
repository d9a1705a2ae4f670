import Catalogue
import Concurrency
import GRDB

/// A clean item as stored: the item (its raw item inside) and where it sits in the workspace.
public struct StoredPowerItem: Sendable, Hashable {
    public var id: Int64
    public var revision: String
    public var sourcePath: String
    public var item: PowerItem

    public init(id: Int64, revision: String, sourcePath: String, item: PowerItem) {
        self.id = id
        self.revision = revision
        self.sourcePath = sourcePath
        self.item = item
    }
}

extension Workspace {
    /// The clean items matching `filter` — raw values, cells, clean values, category and
    /// citations — in the order of `items(matching:)`. Check, diff and publish read through this.
    public func powerItems(matching filter: ItemFilter = ItemFilter()) throws -> [StoredPowerItem] {
        let ids = try itemIDs(matching: filter)
        guard !ids.isEmpty else { return [] }
        // The citations, half of the reading, are read on a second connection beside the items.
        let (loaded, citations) = try Concurrent.both({
            let stored = try items(matching: filter)
            return (stored, try read { db in try Self.cleanValues(itemIDs: stored.map(\.id), db) })
        }, {
            try secondConnection().read { db in try CitationRecord.fetch(itemIDs: ids, db) }
        })
        let (stored, clean) = loaded
        return stored.map { item in
            let values = clean[item.id]
            var fields = item.item.fields
            for (field, value) in values?.fields ?? [:] { fields[field] = value }
            let power = PowerItem(key: item.key, raw: item.item, fields: fields, category: values?.category,
                                  citations: citations[item.id] ?? [])
            return StoredPowerItem(id: item.id, revision: item.revision, sourcePath: item.sourcePath, item: power)
        }
    }

    /// A revision's clean items, in file order.
    public func powerItems(revision: String) throws -> [PowerItem] {
        try powerItems(matching: ItemFilter(revision: revision)).map(\.item)
    }

    /// Replaces the clean view of stored items (clean values, category, citations), in one
    /// transaction — for a re-run of the clean step after the schemas or the law registry
    /// changed. Raw values, keys and provenance never change.
    public func saveClean(_ items: [StoredPowerItem]) throws {
        try write { db in
            var inserter = try ItemInserter(revisionID: 0, sourceID: 0, db)
            let deleteCleanFields = try BoundStatement("DELETE FROM cleanFields WHERE itemId = ?", db)
            let deleteCitations = try BoundStatement("DELETE FROM itemCitations WHERE itemId = ?", db)
            let updateCategory = try BoundStatement("UPDATE itemRecords SET categoryName = ?, categoryCode = ? WHERE id = ?", db)
            for stored in items {
                deleteCleanFields.bind(1, stored.id)
                try deleteCleanFields.run()
                deleteCitations.bind(1, stored.id)
                try deleteCitations.run()
                updateCategory.bind(1, stored.item.category?.name)
                updateCategory.bind(2, stored.item.category?.code)
                updateCategory.bind(3, stored.id)
                try updateCategory.run()
                try inserter.insertClean(stored.item, itemID: stored.id)
            }
            try db.execute(sql: CitationListIDs.unusedListsDeletion)
            try db.execute(sql: Self.unusedTextsDeletion)
        }
    }

    /// The clean values that differ from the raw ones (nil: empty), and the category, by item id.
    private static func cleanValues(itemIDs: [Int64], _ db: Database)
        throws -> [Int64: (fields: [ItemField: String?], category: CategoryRef?)] {
        var result: [Int64: (fields: [ItemField: String?], category: CategoryRef?)] = [:]
        let texts = try StoredTexts(db)
        for start in stride(from: 0, to: itemIDs.count, by: idListLimit) {
            let list = itemIDs[start..<min(start + idListLimit, itemIDs.count)].map(String.init).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: """
                SELECT id, categoryName, categoryCode FROM itemRecords WHERE id IN (\(list)) AND categoryName IS NOT NULL
                """) {
                result[row["id"], default: ([:], nil)].category = CategoryRef(name: row["categoryName"], code: row["categoryCode"])
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT itemId, field, textId FROM cleanFields WHERE itemId IN (\(list))
                """) {
                guard let field = ItemField(rawValue: row["field"]) else { continue }
                result[row["itemId"], default: ([:], nil)].fields[field] = .some(try texts.text(row["textId"]))
            }
        }
        return result
    }
}
