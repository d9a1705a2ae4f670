import Catalogue

/// A chunk of a source's items and findings as `SourceWriter` binds them: every text already
/// numbered (`DraftTexts`), every clean value compared with its raw one, every citation list
/// found, every finding's item found — so the thread holding the transaction does little
/// more than SQLite's own work. Made by `ChunkPreparer` on a thread of its own.
struct PreparedChunk {
    /// The texts first seen in this chunk, in number order (the writer stores them first).
    var newTexts: [DraftTexts.New] = []
    /// The items, sharing the storage of the clean step's array (copying them retained every string).
    var items: ArraySlice<PowerItem> = []
    /// Per item, the numbers of its raw values in `ChunkPreparer.fields` order (`DraftTexts.none`
    /// when empty).
    var fieldTexts: [Int32] = []
    /// Per item, the cells of its fields in the same order.
    var cells: [String?] = []
    /// The clean values that differ from the raw ones, in item order.
    var cleanFields: [CleanField] = []
    /// Per item, its citation list (nil when it cites nothing).
    var citations: [CitationLists.Use?] = []
    /// Findings to insert after the items.
    var findings: [PreparedFinding] = []
    /// Leading findings to tie to their items (the last chunk only).
    var placements: [Placement] = []

    struct CleanField {
        /// The item's index in `items`.
        var item: Int
        var field: ItemField
        var text: Int32
    }
}

/// A finding with the source position of its item (`ChunkPreparer.noItem` when none) and its
/// texts numbered.
struct PreparedFinding {
    var finding: Finding
    var item: Int32
    var itemKey: Int32
    var message: Int32
    var file: Int32
}

/// A leading finding (by its index among them) tied to its item once every item is known.
struct Placement {
    var leading: Int
    var item: Int32
    var itemKey: Int32
    var field: ItemField?
}

/// Prepares a source's chunks in order (`PreparedChunk`): numbers texts, finds citation lists
/// and the item each finding is about. Touches no database: it runs beside the writing thread.
struct ChunkPreparer {
    static let fields = ItemField.allCases
    static let noItem: Int32 = -1

    private var texts = DraftTexts()
    private var lists: CitationLists
    /// The source position of the first item with each key (keys are in NFKC: equal keys have
    /// equal bytes).
    private var positions = TextTable()
    /// The same by the key's storage, which an item's findings share with it.
    private var seenKeys = SeenStrings()
    /// The key asked for last and its position: a chunk's findings come item by item, several
    /// about each.
    private var lastItem: (key: UTF8Key, position: Int32)?
    private var position: Int32 = 0

    init(lists: CitationLists) {
        self.lists = lists
    }

    mutating func prepare(_ items: ArraySlice<PowerItem>, findings: [Finding]) -> PreparedChunk {
        var chunk = PreparedChunk()
        chunk.items = items
        chunk.fieldTexts.reserveCapacity(items.count * Self.fields.count)
        chunk.cells.reserveCapacity(items.count * Self.fields.count)
        // Read in place: an item copied out of the array retains its dozens of strings.
        items.withUnsafeBufferPointer { items in
            for index in items.indices {
                let raw = items[index].raw.fields, cells = items[index].raw.provenance.cells, clean = items[index].fields
                for field in Self.fields {
                    chunk.fieldTexts.append(texts.number(of: raw[field]))
                    chunk.cells.append(cells[field])
                    if Self.differ(clean[field], raw[field]) {
                        chunk.cleanFields.append(.init(item: index, field: field, text: texts.number(of: clean[field])))
                    }
                }
                chunk.citations.append(lists.use(items[index].citations, basis: clean[.basis]))
                let key = items[index].key.rawValue
                seenKeys.remember(key, id: Int64(positions.insert(position, for: key)))
                position += 1
            }
        }
        lastItem = nil
        chunk.findings = findings.map { prepare($0) }
        chunk.newTexts = texts.takeNew()
        return chunk
    }

    /// The leading findings of a source, before its items.
    mutating func prepare(leading findings: [Finding]) -> PreparedChunk {
        var chunk = PreparedChunk()
        chunk.findings = findings.map { prepare($0) }
        chunk.newTexts = texts.takeNew()
        return chunk
    }

    /// The leading findings again, in the same order, each tied to its item where known.
    mutating func prepare(placed findings: [Finding]) -> PreparedChunk {
        var chunk = PreparedChunk()
        for (index, finding) in findings.enumerated() where finding.item != nil || finding.field != nil {
            chunk.placements.append(Placement(leading: index, item: position(of: finding.item),
                                              itemKey: texts.number(of: finding.item?.rawValue),
                                              field: finding.field))
        }
        chunk.newTexts = texts.takeNew()
        return chunk
    }

    private mutating func prepare(_ finding: Finding) -> PreparedFinding {
        PreparedFinding(finding: finding, item: position(of: finding.item),
                        itemKey: texts.number(of: finding.item?.rawValue, in: .findings),
                        message: texts.number(of: finding.message, in: .findings),
                        file: texts.number(of: finding.location.file))
    }

    /// The position of the first item of the source with `key`, among those prepared so far.
    private mutating func position(of key: ItemKey?) -> Int32 {
        guard let key else { return Self.noItem }
        let bytes = UTF8Key(key.rawValue)
        if let lastItem, lastItem.key == bytes { return lastItem.position }
        let position = seenKeys.id(of: key.rawValue).map { Int32(truncatingIfNeeded: $0) }
            ?? positions[key.rawValue] ?? Self.noItem
        lastItem = (bytes, position)
        return position
    }

    /// `!=` as `String` compares (canonical equivalence), but equal bytes — nearly every clean
    /// value — are seen without normalizing the text.
    static func differ(_ clean: String?, _ raw: String?) -> Bool {
        switch (clean, raw) {
        case (nil, nil): false
        case (let clean?, let raw?): !(UTF8Key(clean) == UTF8Key(raw) || clean == raw)
        default: true
        }
    }
}
