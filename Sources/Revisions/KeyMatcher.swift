import Catalogue

/// The certain stages: items that share a stable code (and their category or a similar name),
/// then items with the same normalized unit, name and category, then the same unit and name,
/// then the same name and category in another unit (a move). Linear: each stage is one
/// dictionary of integer keys (`KeyIDs`).
enum KeyMatcher {
    static func run(_ matching: inout Matching) {
        pair(&matching, reason: .sameCode, confidence: 1, when: sameCodeHolds) { $0.code == 0 ? nil : Key($0.code, 0, 0) }
        pair(&matching, reason: .sameName, confidence: 1) { Key($0.unit, $0.name, $0.category) }
        pair(&matching, reason: .sameNameOtherCategory, confidence: 0.95) { Key($0.unit, $0.name, 0) }
        pairAcrossUnits(&matching)
    }

    /// A stage's key: up to three ids.
    struct Key: Hashable {
        var first: Int32, second: Int32, third: Int32
        init(_ first: Int32, _ second: Int32, _ third: Int32) {
            (self.first, self.second, self.third) = (first, second, third)
        }
    }

    /// A code reused for another power — a 行政处罚 given the code of an abolished 行政许可 —
    /// pairs nothing: items sharing a code must share their category or a similar name.
    private static func sameCodeHolds(_ old: MainItem, _ new: MainItem) -> Bool {
        old.categoryKey == new.categoryKey || Bigrams(old.nameKey).dice(Bigrams(new.nameKey)) >= 0.4
    }

    /// Pairs items sharing a key one to one, in key order (both sides are sorted by item key;
    /// each item is in one bucket, so the buckets' order does not matter).
    private static func pair(_ matching: inout Matching, reason: PairingReason.Code, confidence: Double,
                             when holds: (MainItem, MainItem) -> Bool = { _, _ in true },
                             key: (KeyIDs) -> Key?) {
        for (olds, news) in buckets(matching, key: key) {
            for (old, new) in zip(olds, news) where holds(matching.old[old], matching.new[new]) {
                matching.accept(MatchGroup(old: [old], new: [new], confidence: confidence, reasons: [PairingReason(reason)]))
            }
        }
    }

    /// Same name and category in other units: one old item and one or more new ones (a power
    /// handed down to every township), or several old and one new (taken back up). With
    /// several on both sides nothing here says which goes where; the similarity stage decides.
    private static func pairAcrossUnits(_ matching: inout Matching) {
        for (olds, news) in buckets(matching, key: { $0.name == 0 ? nil : Key($0.name, $0.category, 0) }) {
            guard olds.count == 1 || news.count == 1 else { continue }
            let confidence = olds.count == news.count ? 0.9 : 0.8
            matching.accept(MatchGroup(old: olds, new: news, confidence: confidence,
                                       reasons: [PairingReason(.sameNameOtherUnit)]))
        }
    }

    /// The free items of both sides by key, where both sides have some.
    private static func buckets(_ matching: Matching, key: (KeyIDs) -> Key?) -> [([Int], [Int])] {
        var buckets: [Key: ([Int], [Int])] = [:]
        for index in matching.freeOld {
            guard let value = key(matching.oldIDs[index]) else { continue }
            buckets[value, default: ([], [])].0.append(index)
        }
        for index in matching.freeNew {
            guard let value = key(matching.newIDs[index]), buckets[value] != nil else { continue }
            buckets[value]!.1.append(index)
        }
        return buckets.values.filter { !$0.0.isEmpty && !$0.1.isEmpty }
    }
}
