import Catalogue
import Concurrency

/// The twin pairs (see `IdenticalPairs.init`'s `twinOf`) that `IdenticalPairs` would settle
/// whatever the other records are, found by counting instead of grouping: on a yearly
/// revision nine records in ten are such twins, and grouping both whole sides into main items
/// (`RecordGroups`) only to find each of them alone in its group was a quarter of a
/// file-to-file diff.
///
/// A record is *lone* on its side when no other record of that side shares
/// - its unit and normalized name, by the unit's normalized text (then it is a main item of
///   its own, and its key's base is unique) or by its comparison key (`UnitNameNormalizer`:
///   then the name stage's count of it is one);
/// - its code, as a record's code or as a main item's common code (`MainItem.code(of:)`, a
///   prefix of its records' codes).
///
/// A twin pair of lone records with the same unit and category (and, the caller checks, the
/// same raw record but the serial) is settled at the code stage (a code) or the name stage
/// (none), as `IdenticalPairs` would settle it. Each of its records is alone in every bucket the key stages count, so leaving it
/// out changes nothing for the others: `IdenticalPairs` goes on with the rest.
struct LoneTwins {
    /// The pairs found, by old and new index, with the stage that settles each.
    private(set) var pairs: [(old: Int, new: Int, reason: PairingReason.Code)] = []

    /// Keeps the pairs `accepting` accepts.
    mutating func filter(_ accepting: (Int, Int) -> Bool) {
        pairs.removeAll { !accepting($0.old, $0.new) }
    }

    init(old: RecordNames, new: RecordNames, twinOf: [Int], units: UnitNameNormalizer) {
        guard twinOf.contains(where: { $0 >= 0 }) else { return }
        let censuses = Concurrent.map(2) { side in Census(side == 0 ? old : new, units: units) }
        let (olds, news) = (censuses[0], censuses[1])
        // The records compared in chunks on all cores, in new order.
        let chunks = Concurrent.chunks(twinOf.count, minimum: 10_000)
        pairs = Array(Concurrent.map(chunks.count) { chunk in
            chunks[chunk].compactMap { newIndex -> (old: Int, new: Int, reason: PairingReason.Code)? in
                let oldIndex = twinOf[newIndex]
                guard oldIndex >= 0, olds.lone[oldIndex], news.lone[newIndex], old.units[oldIndex] == new.units[newIndex],
                      ByteKey.same(old.categories[oldIndex], new.categories[newIndex])
                else { return nil }
                return (oldIndex, newIndex, old.facts.codes[oldIndex] == nil ? .sameName : .sameCode)
            }
        }.joined())
    }

    /// One `unchanged` change per pair, as `IdenticalPairs` makes it of two main items of one
    /// record each: a main item's key is its unit's normalized text and its normalized name.
    func changes(old: RecordNames, new: RecordNames, units: UnitNameNormalizer) -> [Change] {
        // In chunks on all cores, each with its own units' texts (a list holds a few hundred
        // units: each is normalized once a chunk).
        let chunks = Concurrent.chunks(pairs.count, minimum: 10_000)
        return Array(Concurrent.map(chunks.count) { chunk in
            var unitTexts: [ByteKey: (text: String, key: String)] = [:]
            func ref(_ side: RecordNames, _ index: Int) -> ItemRef {
                let unit = ByteKey(side.units[index].name)
                let texts = unitTexts[unit] ?? (TextKey.normalized(unit.text), units.key(unit.text))
                unitTexts[unit] = texts
                return ItemRef(key: ItemKey(rawValue: texts.text + "|" + side.facts.nameKeys[index] + "|"),
                               name: side.names[index], unit: side.units[index], unitKey: texts.key,
                               category: side.categories[index], itemKeys: [side.keys[index]])
            }
            return pairs[chunks[chunk]].map { pair in
                Change(kind: .unchanged, old: [ref(old, pair.old)], new: [ref(new, pair.new)], confidence: 1,
                       reasons: [PairingReason(pair.reason)])
            }
        }.joined())
    }
}

/// Which records of one side are lone (see `LoneTwins`).
///
/// Names and codes are counted by their hashes, not their texts: two texts that share a hash
/// are counted together, which can only make a record look crowded — never lone when it is
/// not — and keeps every count an `Int` keyed by an `Int` (keys of texts were half the census).
private struct Census {
    private(set) var lone: [Bool] = []

    init(_ records: RecordNames, units: UnitNameNormalizer) {
        let facts = records.facts
        // A list holds a few hundred units: each is normalized once.
        var unitNumbers: [ByteKey: (text: Int, key: Int)] = [:]
        var numbers: [String: Int] = [:]
        func number(_ text: String) -> Int {
            if let known = numbers[text] { return known }
            numbers[text] = numbers.count
            return numbers.count - 1
        }
        let unitOf = records.units.map { recordUnit in
            let unit = ByteKey(recordUnit.name)
            if let known = unitNumbers[unit] { return known }
            // The two kinds of unit never share a number: a text and a key are told apart by a prefix.
            let numbered = (text: number("t" + TextKey.normalized(unit.text)), key: number("k" + units.key(unit.text)))
            unitNumbers[unit] = numbered
            return numbered
        }
        // A unit's number and a name's hash, as one bucket.
        func bucket(_ unit: Int, _ name: Int) -> Int { name ^ (unit &* -0x61C8_8646_80B5_83EB) }
        let names = facts.nameKeys.map { ByteKey($0).hashValue }
        var counts = HashCounts(capacity: 2 * records.count)
        for index in 0..<records.count {
            counts.add(bucket(unitOf[index].text, names[index]))
            counts.add(bucket(unitOf[index].key, names[index]))
        }
        let alone = (0..<records.count).map { index in
            counts[bucket(unitOf[index].text, names[index])] == 1 && counts[bucket(unitOf[index].key, names[index])] == 1
        }
        // A record alone by unit and name is a main item of its own, whose code is its own. The
        // others' main items may have a common code, a prefix of ten or more characters of
        // their records' codes: every such prefix counts as held.
        let codes = facts.codes.map { $0.map { ByteKey($0).hashValue } }
        var codeCounts = HashCounts(capacity: records.count)
        var crowdedCodes = Set<Int>()
        for index in 0..<records.count {
            guard let code = codes[index] else { continue }
            if alone[index] {
                codeCounts.add(code)
            } else {
                let characters = Array(facts.codes[index]!)
                for length in min(10, characters.count)...characters.count {
                    crowdedCodes.insert(ByteKey(String(characters[..<length])).hashValue)
                }
            }
        }
        lone = (0..<records.count).map { index in
            guard alone[index] else { return false }
            guard let code = codes[index] else { return true }
            return codeCounts[code] == 1 && !crowdedCodes.contains(code)
        }
    }
}

/// How many times each hash was added, in one open-addressing table: the keys are hashes
/// already, and a `Dictionary` hashed each again (SipHash) — most of a census of 400,000 counts.
private struct HashCounts {
    private var keys: [Int]
    private var counts: [Int32]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        (keys, counts, mask) = (Array(repeating: 0, count: size), Array(repeating: 0, count: size), size - 1)
    }

    mutating func add(_ key: Int) {
        let slot = self.slot(of: key)
        keys[slot] = key
        counts[slot] += 1
    }

    subscript(key: Int) -> Int { Int(counts[slot(of: key)]) }

    /// The key's slot, or the empty one where it would go.
    private func slot(of key: Int) -> Int {
        var slot = key & mask
        while counts[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }
}
