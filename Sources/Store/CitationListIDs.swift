import Catalogue
import GRDB

/// Which shared list (`citationLists`, migration v4) an item's citations are, numbered in
/// memory: the thread that prepares an import's rows (`ChunkPreparer`) asks, the writing
/// thread only inserts what it is told (`CitationListIDs`).
///
/// The clean step parses each distinct basis once, so the items citing one basis carry equal
/// lists; a list is looked for among those already seen for the same basis text, compared in
/// full (by bytes: `Citation.equalsIgnoringCell`), and is new otherwise.
/// Lists are not searched in the database: a later import stores its own copies, and lists no
/// item uses are deleted with the unused texts.
struct CitationLists {
    /// A list as stored: a citation's cell is left out when it is its item's.
    struct Entry: Equatable {
        var citation: Citation
        var ownCell: Bool
    }

    /// An item's list: its id, the item's cell, and the entries when the list is new.
    struct Use {
        var listID: Int64
        var cell: String?
        var newEntries: [Entry]?
    }

    /// The lists kept, by basis text (the index of their group in `groups`).
    private var bases = TextTable()
    /// The same, by the storage of the basis text: the clean step hands the items citing one
    /// basis the same string, and hashing a long basis per item was most of finding its list.
    private var seenBases = SeenStrings()
    private var groups: [[Kept]] = []
    private var nextID: Int64

    /// A list kept, its citations (cells aside) and whether each has a cell of its own apart:
    /// compared in place with each item's citations.
    fileprivate final class Kept {
        let citations: [Citation]
        let ownCells: [Bool]
        let id: Int64

        init(_ entries: [Entry], id: Int64) {
            citations = entries.map(\.citation)
            ownCells = entries.map(\.ownCell)
            self.id = id
        }
    }

    init(_ db: Database) throws {
        nextID = try Int64.fetchOne(db, sql: "SELECT MAX(listId) FROM citationLists").map { $0 + 1 } ?? 1
    }

    /// The list of `citations` (nil when there are none).
    /// - Parameter basis: the text the citations were parsed from, to find an equal list fast.
    mutating func use(_ citations: [Citation], basis: String?) -> Use? {
        guard !citations.isEmpty else { return nil }
        // Not `citations.first`, which copies the whole citation for its cell.
        let cell = citations.withUnsafeBufferPointer { $0[0].cell }
        let group = self.group(of: basis ?? "")
        if group == groups.count { groups.append([]) }
        if let found = groups[group].first(where: { $0.matches(citations, itemCell: cell) }) {
            return Use(listID: found.id, cell: cell, newEntries: nil)
        }
        let entries = citations.map { citation in
            var citation = citation
            let ownCell = !UTF8Key.same(citation.cell, cell)
            if !ownCell { citation.cell = nil }
            return Entry(citation: citation, ownCell: ownCell)
        }
        let id = nextID
        nextID += 1
        groups[group].append(Kept(entries, id: id))
        return Use(listID: id, cell: cell, newEntries: entries)
    }
}

extension CitationLists {
    /// The index in `groups` of the lists of `basis` (`groups.count` for a basis not seen yet).
    private mutating func group(of basis: String) -> Int {
        if let seen = seenBases.id(of: basis) { return Int(seen) }
        let group = Int(bases.insert(Int32(groups.count), for: basis))
        seenBases.remember(basis, id: Int64(group))
        return group
    }
}

extension CitationLists.Kept {
    /// Whether `citations`, stored for an item whose cell is `itemCell`, make this list
    /// (compared in place: making every item's entries to compare them was most of this).
    func matches(_ other: [Citation], itemCell: String?) -> Bool {
        guard citations.count == other.count else { return false }
        // Through buffers: a `Citation` read out of an array is copied, with its strings retained.
        return citations.withUnsafeBufferPointer { kept in
            other.withUnsafeBufferPointer { other in
                kept.indices.allSatisfy { index in
                    let (a, b) = (kept.baseAddress! + index, other.baseAddress! + index)
                    let ownCell = !UTF8Key.same(b.pointee.cell, itemCell)
                    return ownCells[index] == ownCell && Citation.equalIgnoringCell(a, b)
                        && (!ownCell || UTF8Key.same(a.pointee.cell, b.pointee.cell))
                }
            }
        }
    }
}

/// Writes items' citation lists: a new list's entries, then the row tying the item to its list
/// (`itemCitations`).
struct CitationListIDs {
    private var lists: CitationLists
    private let insertEntry: BoundStatement
    private let insertItem: BoundStatement
    private let insertItems: MultiRowInsert

    init(_ db: Database) throws {
        lists = try CitationLists(db)
        insertEntry = try BoundStatement(CitationRecord.insertSQL, db)
        insertItem = try BoundStatement("INSERT INTO itemCitations (itemId, listId, cell) VALUES (?, ?, ?)", db)
        insertItems = try MultiRowInsert(into: "itemCitations", columns: ["itemId", "listId", "cell"], db)
    }

    /// Ties the item to the list of `citations` (nothing when there are none).
    mutating func insert(_ citations: [Citation], basis: String?, itemID: Int64) throws {
        guard let use = lists.use(citations, basis: basis) else { return }
        try insertEntries(use)
        insertItem.bind(1, itemID)
        insertItem.bind(2, use.listID)
        insertItem.bind(3, use.cell)
        try insertItem.run()
    }

    /// Writes the lists found by `CitationLists.use` for a run of items, the first with id
    /// `firstItemID` and the others following (nil for an item that cites nothing).
    func write(_ uses: [CitationLists.Use?], firstItemID: Int64) throws {
        var citing: [Int] = []
        for (index, use) in uses.enumerated() {
            guard let use else { continue }
            try insertEntries(use)
            citing.append(index)
        }
        try insertItems.insert(count: citing.count) { position, row in
            let index = citing[position]
            row.bind(1, firstItemID + Int64(index))
            row.bind(2, uses[index]?.listID)
            row.bind(3, uses[index]?.cell)
        }
    }

    private func insertEntries(_ use: CitationLists.Use) throws {
        for (position, entry) in (use.newEntries ?? []).enumerated() {
            CitationRecord.bind(entry.citation, listID: use.listID, position: position, ownCell: entry.ownCell,
                                to: insertEntry)
            try insertEntry.run()
        }
    }

    /// Deletes the lists no item uses any more, and the findings of those no finding row
    /// stands for either (a re-clean ties items to new lists before the check replaces its
    /// findings, in a transaction of its own).
    static let unusedListsDeletion = """
        DELETE FROM citationLists WHERE listId NOT IN (SELECT listId FROM itemCitations);
        DELETE FROM listFindings WHERE listId NOT IN (SELECT listId FROM itemCitations)
            AND listId NOT IN (SELECT listId FROM findings WHERE listId IS NOT NULL)
        """
}
