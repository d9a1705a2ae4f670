import Catalogue

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
    /// One `unchanged` change per pair, as `RevisionDiff` would make it.
    public private(set) var changes: [Change] = []
    /// The indices, in the items given, of the records of the pairs.
    public private(set) var oldRecords = Set<Int>()
    public private(set) var newRecords = Set<Int>()

    /// - Parameters: old, new: each side's items; their `raw` must be whole (`Cleaner.named`
    ///   keeps it) and their name, unit and category cleaned.
    public init(old: [PowerItem], new: [PowerItem], region: Region? = nil) {
        let units = UnitNameNormalizer(region: region)
        let olds = MainItem.group(old, units: units), news = MainItem.group(new, units: units)
        let oldKeys = Uniqueness(olds), newKeys = Uniqueness(news)
        let newByKey = Dictionary(news.indices.map { (ByteKey(news[$0].key.rawValue), $0) }) { first, _ in first }
        for item in olds {
            guard let index = newByKey[ByteKey(item.key.rawValue)] else { continue }
            let counterpart = news[index]
            guard let reason = Self.stage(item, counterpart, oldKeys, newKeys),
                  Self.sameRecords(item.records, counterpart.records) else { continue }
            changes.append(Change(kind: .unchanged, old: [item.ref], new: [counterpart.ref], confidence: 1,
                                  reasons: [PairingReason(reason)]))
            oldRecords.formUnion(item.recordIndices)
            newRecords.formUnion(counterpart.recordIndices)
        }
    }

    /// The key stage that pairs the two items whatever else the lists hold, if one does.
    private static func stage(_ old: MainItem, _ new: MainItem,
                              _ oldKeys: Uniqueness, _ newKeys: Uniqueness) -> PairingReason.Code? {
        guard oldKeys.hasUniqueBase(old), newKeys.hasUniqueBase(new) else { return nil }
        if let code = old.code {
            let holds = ByteKey.same(code, new.code) && oldKeys.codes[ByteKey(code)] == 1
                && newKeys.codes[ByteKey(code)] == 1 && ByteKey.same(old.categoryKey, new.categoryKey)
            return holds ? .sameCode : nil
        }
        let unique = new.code == nil && oldKeys.names[Uniqueness.nameKey(old)] == 1
            && newKeys.names[Uniqueness.nameKey(new)] == 1
        return unique ? .sameName : nil
    }

    /// Record by record, the same unit and raw texts, the serial aside.
    private static func sameRecords(_ old: [PowerItem], _ new: [PowerItem]) -> Bool {
        old.count == new.count && zip(old, new).allSatisfy { pair in
            let (left, right) = (pair.0.raw, pair.1.raw)
            guard left.unit == right.unit, left.fields.count == right.fields.count,
                  left.extraFields == right.extraFields else { return false }
            return left.fields.allSatisfy { field, value in
                field == .serial ? right.fields[field] != nil : ByteKey.same(value, right.fields[field])
            }
        }
    }
}

/// How many main items of one side share a code, a unit-name-category key or an item key's
/// base (the key without its `#2`).
private struct Uniqueness {
    var codes: [ByteKey: Int] = [:]
    var names: [NameKey: Int] = [:]
    var bases: [ByteKey: Int] = [:]

    /// Unit, name and category, as the name stage keys an item.
    struct NameKey: Hashable {
        let unit: ByteKey, name: ByteKey, category: ByteKey
    }

    init(_ items: [MainItem]) {
        codes.reserveCapacity(items.count)
        names.reserveCapacity(items.count)
        bases.reserveCapacity(items.count)
        for item in items {
            if let code = item.code { codes[ByteKey(code), default: 0] += 1 }
            names[Self.nameKey(item), default: 0] += 1
            bases[Self.base(item.key), default: 0] += 1
        }
    }

    func hasUniqueBase(_ item: MainItem) -> Bool { bases[Self.base(item.key)] == 1 }

    static func nameKey(_ item: MainItem) -> NameKey {
        NameKey(unit: ByteKey(item.unitKey), name: ByteKey(item.nameKey), category: ByteKey(item.categoryKey))
    }

    /// `unit|name|` of `unit|name|#2`.
    static func base(_ key: ItemKey) -> ByteKey {
        guard key.rawValue.utf8.last != UInt8(ascii: "|"), let bar = key.rawValue.utf8.lastIndex(of: UInt8(ascii: "|")) else { return ByteKey(key.rawValue) }
        return ByteKey(String(key.rawValue[...bar]))
    }
}
