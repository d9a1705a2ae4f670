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
    /// The findings of the lists whose runs this chunk stores first (`listFindings`).
    var newListFindings: [ListFinding] = []
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
    /// Set when the row stands for a run of findings its citation list gives (`finding` is
    /// the first): the list.
    var list: Int64?
}

/// One of the findings a citation list gives, its message numbered.
struct ListFinding {
    var list: Int64
    var position: Int
    var code: FindingCode
    var severity: Finding.Severity
    var message: Int32
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
    /// Per item, by source position, its citation list.
    private var listOfItem: [Int64?] = []
    /// The findings each list's first run gave: a later run is stored as the list when equal.
    private var listRuns: [Int64: [Finding]] = [:]

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
                let use = lists.use(items[index].citations, basis: clean[.basis])
                chunk.citations.append(use)
                listOfItem.append(use?.listID)
                let key = items[index].key.rawValue
                seenKeys.remember(key, id: Int64(positions.insert(position, for: key)))
                position += 1
            }
        }
        lastItem = nil
        prepare(findings, into: &chunk)
        chunk.newTexts = texts.takeNew()
        return chunk
    }

    /// The findings, each run about one item's basis that its citation list gives stored as
    /// the list (`SchemaVersion7`): a row standing for the run, and the list's findings once.
    private mutating func prepare(_ findings: [Finding], into chunk: inout PreparedChunk) {
        chunk.findings.reserveCapacity(findings.count)
        var start = 0
        while start < findings.count {
            let end = Self.runEnd(findings, from: start)
            let run = findings[start..<end]
            if let list = list(of: run, into: &chunk) {
                var prepared = prepare(findings[start])
                prepared.list = list
                chunk.findings.append(prepared)
            } else {
                for finding in run { chunk.findings.append(prepare(finding)) }
            }
            start = end
        }
    }

    /// The end of the run of findings from `start` about the basis of one item, at one cell.
    private static func runEnd(_ findings: [Finding], from start: Int) -> Int {
        var end = start + 1
        let first = findings[start]
        guard first.field == .basis, let key = first.item else { return end }
        let stage = first.code.stage
        while end < findings.count {
            let next = findings[end]
            guard next.field == .basis, let nextKey = next.item, UTF8Key.same(nextKey.rawValue, key.rawValue),
                  next.code.stage == stage, UTF8Key.same(next.location.sheet, first.location.sheet),
                  UTF8Key.same(next.location.cell, first.location.cell),
                  UTF8Key.same(next.location.file, first.location.file) else { break }
            end += 1
        }
        return end
    }

    /// The citation list of the run's item when the run is what that list gives (the first
    /// run of a list is taken as what it gives, its findings added to `chunk`); nil otherwise.
    private mutating func list(of run: ArraySlice<Finding>, into chunk: inout PreparedChunk) -> Int64? {
        guard run.count > 1, let key = run.first?.item else { return nil }
        let item = position(of: key)
        guard item != Self.noItem, let list = listOfItem[Int(item)] else { return nil }
        if let given = listRuns[list] {
            return given.elementsEqual(run, by: Self.sameFinding) ? list : nil
        }
        listRuns[list] = Array(run)
        for (position, finding) in run.enumerated() {
            chunk.newListFindings.append(ListFinding(list: list, position: position, code: finding.code,
                                                     severity: finding.severity,
                                                     message: texts.number(of: finding.message, in: .findings)))
        }
        return list
    }

    /// Same code, severity and message (the rest is the run's).
    private static func sameFinding(_ a: Finding, _ b: Finding) -> Bool {
        a.code == b.code && a.severity == b.severity && UTF8Key.same(a.message, b.message)
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
