import Catalogue
import Concurrency
import Foundation

/// The main items a revision carries over untouched, found before anything is cleaned: on a
/// file-to-file diff most items are, and only their names, units and categories reach the
/// report. `RevisionDiff` would pair each of them at its first key stage and classify it
/// `unchanged`; finding them here lets the caller clean and compare only the rest.
///
/// A pair is taken only where the full comparison provably gives the same `Change`:
/// - the same item key, listed once by its unit on each side (no `#2` to renumber);
/// - record for record the same raw texts (the serial aside: renumbering is no change) and
///   unit, so the full clean would give both sides the same fields and citations;
/// - the same stable code, held by no other main item on either side (the code stage pairs
///   them), or no code and no other main item with their unit, name and category (the
///   name stage pairs them);
/// - no reviewers' decisions (they come before every stage): the caller passes none.
///
/// An identical pair is never a whole the coverage stage grows into a merge
/// (`mayHaveAbsorbed`), so no later stage would have undone it.
///
/// ```swift
/// let pairs = IdenticalPairs(old: namedOld, new: namedNew)   // `Cleaner.named`
/// let changes = RevisionDiff.compare(old: cleanRestOfOld, new: cleanRestOfNew, settled: pairs.changes)
/// ```
public struct IdenticalPairs: Sendable {
    /// One `unchanged` change per pair, as `RevisionDiff` would make it; in no particular order
    /// (`ChangeSet` sorts them with the others).
    public private(set) var changes: [Change] = []
    /// The indices, in the items given, of the records of the pairs.
    public private(set) var oldRecords = Set<Int>()
    public private(set) var newRecords = Set<Int>()

    /// - Parameters:
    ///   - old, new: each side's items; their `raw` must be whole (`Cleaner.named` keeps it)
    ///     and their name, unit and category cleaned.
    ///   - twinOf: by new item, the index of an old item with the same raw record but the
    ///     serial (a twin, see `IdenticalRecords`), or -1; empty for none. Twins alone in
    ///     every bucket the key stages count are settled by counting (`LoneTwins`).
    ///   - accepting: asked last of each pair found, with the indices of its old and new
    ///     records: a caller whose items are not all whole (`IdenticalRecords`) keeps only the
    ///     pairs it knows to be the same on every field.
    public init(old: [PowerItem], new: [PowerItem], region: Region? = nil, twinOf: [Int] = [],
                accepting: @escaping @Sendable (ArraySlice<Int>, ArraySlice<Int>) -> Bool = { _, _ in true }) {
        let oldNames = RecordNames(old)
        // A twin pair's records are checked here; the grouping checks the records of its own pairs.
        let lonesChecked: @Sendable (ArraySlice<Int>, ArraySlice<Int>) -> Bool = { oldIndices, newIndices in
            Self.sameRecords(oldIndices, old, newIndices, new) && accepting(oldIndices, newIndices)
        }
        self.init(old: oldNames, new: RecordNames(new, twinOf: twinOf, sharing: oldNames), region: region,
                  twinOf: twinOf, items: { (old: $0.map { old[$0] }, new: $1.map { new[$0] }) },
                  accepting: twinOf.isEmpty ? accepting : lonesChecked)
    }

    /// The pairs of two sides named record by record, most of whose records need never become
    /// items: only the records no lone twin pair settles are asked of `items`.
    /// - Parameters:
    ///   - twinOf: by new record, the index of an old record with the same raw record but the
    ///     serial, or -1; empty for none.
    ///   - items: both sides' items (as `Cleaner.named` makes them, `raw` whole) of the records
    ///     at the indices given, in that order.
    ///   - accepting: asked of each pair found, lone twins included: it must hold only where the
    ///     records are the same (the grouping checks its own pairs' items too).
    public init(old: RecordNames, new: RecordNames, region: Region? = nil, twinOf: [Int],
                items: ([Int], [Int]) -> (old: [PowerItem], new: [PowerItem]),
                accepting: @Sendable (ArraySlice<Int>, ArraySlice<Int>) -> Bool) {
        let units = UnitNameNormalizer(region: region)
        // Twins alone in every bucket the key stages count are settled first, without grouping.
        var lone = LoneTwins(old: old, new: new, twinOf: twinOf, units: units)
        lone.filter { accepting([$0][...], [$1][...]) }
        changes = lone.changes(old: old, new: new, units: units)
        oldRecords.reserveCapacity(old.count)
        newRecords.reserveCapacity(new.count)
        for pair in lone.pairs {
            oldRecords.insert(pair.old)
            newRecords.insert(pair.new)
        }
        // The others are grouped into main items and paired by key, by their indices here.
        let restOld = lone.pairs.isEmpty ? Array(0..<old.count) : (0..<old.count).filter { !oldRecords.contains($0) }
        let restNew = lone.pairs.isEmpty ? Array(0..<new.count) : (0..<new.count).filter { !newRecords.contains($0) }
        let (restOldItems, restNewItems) = items(restOld, restNew)
        let (olds, news) = Side.both((restOldItems, old.facts.subset(restOld)),
                                     (restNewItems, new.facts.subset(restNew)), units: units)
        let candidates = Self.sameKeys(olds, news)
        let chunks = Concurrent.chunks(candidates.count, minimum: 2_000)
        let found = Concurrent.map(chunks.count) { chunk in
            candidates[chunks[chunk]].compactMap { pair -> (old: Int, new: Int, change: Change)? in
                let (oldGroup, newGroup) = (olds.groups[pair.old].indices, news.groups[pair.new].indices)
                guard let reason = Self.stage(pair.old, pair.new, olds, news),
                      Self.sameRecords(oldGroup, olds.items, newGroup, news.items),
                      accepting(oldGroup.map { restOld[$0] }[...], newGroup.map { restNew[$0] }[...])
                else { return nil }
                return (pair.old, pair.new, Change(kind: .unchanged, old: [olds.ref(pair.old, olds.items)],
                                                   new: [news.ref(pair.new, news.items)], confidence: 1,
                                                   reasons: [PairingReason(reason)]))
            }
        }.joined()
        for pair in found {
            changes.append(pair.change)
            oldRecords.formUnion(olds.groups[pair.old].indices.lazy.map { restOld[$0] })
            newRecords.formUnion(news.groups[pair.new].indices.lazy.map { restNew[$0] })
        }
        // Both sides' groups, keys and counts are freed on another thread: the end of this
        // phase ran on one core.
        Concurrent.release((consume olds, consume news, consume found, consume restOld, consume restNew,
                            consume restOldItems, consume restNewItems))
    }

    /// The main items of the two sides with the same key, in key order. Both sides are
    /// sorted by key (`RecordGroups`), each key once: they are walked together.
    private static func sameKeys(_ olds: Side, _ news: Side) -> [(old: Int, new: Int)] {
        var pairs: [(old: Int, new: Int)] = []
        pairs.reserveCapacity(min(olds.groups.count, news.groups.count))
        var (oldIndex, newIndex) = (0, 0)
        while oldIndex < olds.groups.count && newIndex < news.groups.count {
            let order = ByteKey.order(olds.groups[oldIndex].key.rawValue, news.groups[newIndex].key.rawValue)
            if order <= 0 { oldIndex += 1 }
            if order >= 0 { newIndex += 1 }
            if order == 0 { pairs.append((oldIndex - 1, newIndex - 1)) }
        }
        return pairs
    }

    /// The key stage that pairs the two main items whatever else the lists hold, if one does.
    private static func stage(_ old: Int, _ new: Int, _ olds: Side, _ news: Side) -> PairingReason.Code? {
        guard olds.hasUniqueBase(old), news.hasUniqueBase(new) else { return nil }
        if let code = olds.codes[old] {
            let holds = ByteKey.same(code, news.codes[new]) && olds.codeCounts[ByteKey(code)] == 1
                && news.codeCounts[ByteKey(code)] == 1 && ByteKey.same(olds.categoryKeys[old], news.categoryKeys[new])
            return holds ? .sameCode : nil
        }
        let unique = news.codes[new] == nil && olds.nameCounts[olds.nameKey(old)] == 1
            && news.nameCounts[news.nameKey(new)] == 1
        return unique ? .sameName : nil
    }

    /// Record by record, the same unit and raw texts, the serial aside.
    private static func sameRecords(_ oldIndices: ArraySlice<Int>, _ old: [PowerItem],
                                    _ newIndices: ArraySlice<Int>, _ new: [PowerItem]) -> Bool {
        oldIndices.count == newIndices.count
            && zip(oldIndices, newIndices).allSatisfy { same(old[$0.0].raw, new[$0.1].raw) }
    }

    /// The records passed in place: a `RawItem` copied into a local costs a retain per text.
    static func same(_ left: RawItem, _ right: RawItem) -> Bool {
        guard left.unit == right.unit, left.fields.count == right.fields.count,
              left.extraFields == right.extraFields else { return false }
        return left.fields.allSatisfy { field, value in
            field == .serial ? right.fields[field] != nil : ByteKey.same(value, right.fields[field])
        }
    }
}

/// One side's main items as the key stages see them — key, code, unit, name and category
/// keys — with how many main items share a code, a unit-name-category key or a key's base
/// (the key without its `#2`). No `MainItem` is made: the records stay where they are.
private struct Side: Sendable {
    let items: [PowerItem]
    let groups: [RecordGroups.Group]
    let codes: [String?]
    let categoryKeys: [String]
    private(set) var codeCounts: [ByteKey: Int] = [:]
    private(set) var nameCounts: [NameKey: Int] = [:]
    /// Whether no other main item shares the key's base (a name listed once by its unit).
    private var uniqueBases: [Bool] = []

    /// Unit, name and category, as the name stage keys an item.
    struct NameKey: Hashable {
        let unit: ByteKey, name: ByteKey, category: ByteKey
    }

    init(_ items: [PowerItem], facts: RecordFacts, units: UnitNameNormalizer) {
        self.items = items
        groups = RecordGroups(items, units: units, nameKeys: facts.nameKeys).groups
        // A record's fields are read in place: a `PowerItem` copied costs a dozen retains.
        codes = groups.map { group in
            group.indices.count == 1 ? facts.codes[group.indices.first!]
                : MainItem.code(of: group.indices.map { items[$0] })
        }
        // A list holds a dozen categories: each is normalized once.
        var categories: [ByteKey: String] = [:]
        categoryKeys = groups.map { group in
            let first = group.indices.first!
            let category = ByteKey(items[first].shownCategory ?? "")
            if let key = categories[category] { return key }
            let key = TextKey.normalized(category.text)
            categories[category] = key
            return key
        }
        codeCounts.reserveCapacity(groups.count)
        nameCounts.reserveCapacity(groups.count)
        var baseCounts: [ByteKey: Int] = [:]
        baseCounts.reserveCapacity(groups.count)
        let bases = groups.map { Self.base($0.key) }
        for index in groups.indices {
            if let code = codes[index] { codeCounts[ByteKey(code), default: 0] += 1 }
            nameCounts[nameKey(index), default: 0] += 1
            baseCounts[bases[index], default: 0] += 1
        }
        uniqueBases = bases.map { baseCounts[$0] == 1 }
    }

    /// Both sides on two threads: each is a tenth of what a file-to-file diff costs.
    static func both(_ old: ([PowerItem], RecordFacts), _ new: ([PowerItem], RecordFacts),
                     units: UnitNameNormalizer) -> (Side, Side) {
        let sides = Concurrent.map(2) { side in
            let (items, facts) = side == 0 ? old : new
            return Side(items, facts: facts, units: units)
        }
        return (sides[0], sides[1])
    }

    func hasUniqueBase(_ index: Int) -> Bool { uniqueBases[index] }

    func nameKey(_ index: Int) -> NameKey {
        NameKey(unit: ByteKey(groups[index].unitKey), name: ByteKey(groups[index].nameKey),
                category: ByteKey(categoryKeys[index]))
    }

    /// The main item's reference, as `MainItem` makes it.
    func ref(_ index: Int, _ items: [PowerItem]) -> ItemRef {
        let first = groups[index].indices.first!
        return ItemRef(key: groups[index].key, name: items[first].name, unit: items[first].unit,
                       unitKey: groups[index].unitKey, category: items[first].shownCategory,
                       itemKeys: groups[index].indices.map { items[$0].key })
    }

    /// `unit|name|` of `unit|name|#2`.
    static func base(_ key: ItemKey) -> ByteKey {
        guard key.rawValue.utf8.last != UInt8(ascii: "|"), let bar = key.rawValue.utf8.lastIndex(of: UInt8(ascii: "|")) else { return ByteKey(key.rawValue) }
        return ByteKey(String(key.rawValue[...bar]))
    }
}
