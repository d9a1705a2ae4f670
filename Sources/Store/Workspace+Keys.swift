import Catalogue
import GRDB

extension Workspace {
    /// The keys of a revision's items, without their values: what a site needs to tell in which
    /// revisions an item was listed, at a fraction of the cost of loading every item.
    public func itemKeys(revision: String) throws -> Set<ItemKey> {
        try read { db in
            let rows = try String.fetchCursor(db, sql: """
                SELECT items.itemKey FROM items JOIN revisions ON revisions.id = items.revisionId
                WHERE revisions.label = ?
                """, arguments: [revision])
            var keys = Set<ItemKey>()
            while let key = try rows.next() { keys.insert(ItemKey(rawValue: key)) }
            return keys
        }
    }
}
