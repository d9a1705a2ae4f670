import Catalogue
import GRDB

/// Stores items' citations as shared lists (`citationLists`, migration v4) and ties each item
/// to its list (`itemCitations`).
///
/// The clean step parses each distinct basis once, so the items citing one basis carry equal
/// lists; a list is looked for among those already stored for the same basis text, compared
/// in full (`==`, which sees the shared strings of a memoized list at once), and written only
/// when new. Lists are not searched in the database: a later import stores its own copies,
/// and lists no item uses are deleted with the unused texts.
struct CitationListIDs {
    /// A list as stored: a citation's cell is left out when it is its item's.
    private struct Entry: Equatable {
        var citation: Citation
        var ownCell: Bool
    }

    private var known: [UTF8Key: [(entries: [Entry], id: Int64)]] = [:]
    private var nextID: Int64
    private let insertEntry: BoundStatement
    private let insertItem: BoundStatement

    init(_ db: Database) throws {
        nextID = try Int64.fetchOne(db, sql: "SELECT MAX(listId) FROM citationLists").map { $0 + 1 } ?? 1
        insertEntry = try BoundStatement(CitationRecord.insertSQL, db)
        insertItem = try BoundStatement("INSERT INTO itemCitations (itemId, listId, cell) VALUES (?, ?, ?)", db)
    }

    /// Ties the item to the list of `citations` (nothing when there are none).
    /// - Parameter basis: the text the citations were parsed from, to find an equal list fast.
    mutating func insert(_ citations: [Citation], basis: String?, itemID: Int64) throws {
        guard let first = citations.first else { return }
        let cell = first.cell
        let entries = citations.map { citation in
            var citation = citation
            let ownCell = citation.cell != cell
            if !ownCell { citation.cell = nil }
            return Entry(citation: citation, ownCell: ownCell)
        }
        let key = UTF8Key(basis ?? "")
        let listID: Int64
        if let found = known[key]?.first(where: { $0.entries == entries }) {
            listID = found.id
        } else {
            listID = try insertList(entries)
            known[key, default: []].append((entries, listID))
        }
        insertItem.bind(1, itemID)
        insertItem.bind(2, listID)
        insertItem.bind(3, cell)
        try insertItem.run()
    }

    private mutating func insertList(_ entries: [Entry]) throws -> Int64 {
        let id = nextID
        nextID += 1
        for (position, entry) in entries.enumerated() {
            CitationRecord.bind(entry.citation, listID: id, position: position, ownCell: entry.ownCell, to: insertEntry)
            try insertEntry.run()
        }
        return id
    }

    /// Deletes the lists no item uses any more.
    static let unusedListsDeletion = "DELETE FROM citationLists WHERE listId NOT IN (SELECT listId FROM itemCitations)"
}
