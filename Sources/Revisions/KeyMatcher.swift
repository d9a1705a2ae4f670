import Catalogue

/// The certain stages: items that share a stable code (and their category or a similar name), then items with the same normalized
/// unit, name and category, then the same unit and name, then the same name and category in
/// another unit (a move). Linear: each stage is one dictionary of keys.
enum KeyMatcher {
    static func run(_ matching: inout Matching) {
        pair(&matching, reason: .sameCode, confidence: 1, when: sameCodeHolds) { $0.code }
        pair(&matching, reason: .sameName, confidence: 1) { "\($0.unitKey)|\($0.nameKey)|\($0.categoryKey)" }
        pair(&matching, reason: .sameNameOtherCategory, confidence: 0.95) { "\($0.unitKey)|\($0.nameKey)" }
        pairAcrossUnits(&matching)
    }

    /// A code reused for another power — a 行政处罚 given the code of an abolished 行政许可 —
    /// pairs nothing: items sharing a code must share their category or a similar name.
    private static func sameCodeHolds(_ old: MainItem, _ new: MainItem) -> Bool {
        old.categoryKey == new.categoryKey || Bigrams(old.nameKey).dice(Bigrams(new.nameKey)) >= 0.4
    }

    /// Pairs items sharing a key one to one, in key order (both sides are sorted by item key).
    private static func pair(_ matching: inout Matching, reason: PairingReason.Code, confidence: Double,
                             when holds: (MainItem, MainItem) -> Bool = { _, _ in true },
                             key: (MainItem) -> String?) {
        let buckets = Self.buckets(matching, key: key)
        for bucketKey in buckets.keys.sorted() {
            let (olds, news) = buckets[bucketKey]!
            for (old, new) in zip(olds, news) where holds(matching.old[old], matching.new[new]) {
                matching.accept(MatchGroup(old: [old], new: [new], confidence: confidence, reasons: [PairingReason(reason)]))
            }
        }
    }

    /// Same name and category in other units: one old item and one or more new ones (a power
    /// handed down to every township), or several old and one new (taken back up). With
    /// several on both sides nothing here says which goes where; the similarity stage decides.
    private static func pairAcrossUnits(_ matching: inout Matching) {
        let buckets = Self.buckets(matching) { $0.nameKey.isEmpty ? nil : "\($0.nameKey)|\($0.categoryKey)" }
        for bucketKey in buckets.keys.sorted() {
            let (olds, news) = buckets[bucketKey]!
            guard olds.count == 1 || news.count == 1 else { continue }
            let confidence = olds.count == news.count ? 0.9 : 0.8
            matching.accept(MatchGroup(old: olds, new: news, confidence: confidence,
                                       reasons: [PairingReason(.sameNameOtherUnit)]))
        }
    }

    private static func buckets(_ matching: Matching, key: (MainItem) -> String?) -> [ByteKey: ([Int], [Int])] {
        var buckets: [ByteKey: ([Int], [Int])] = [:]
        for index in matching.freeOld {
            guard let value = key(matching.old[index]).map(ByteKey.init) else { continue }
            buckets[value, default: ([], [])].0.append(index)
        }
        for index in matching.freeNew {
            guard let value = key(matching.new[index]).map(ByteKey.init), buckets[value] != nil else { continue }
            buckets[value]!.1.append(index)
        }
        return buckets.filter { !$0.value.0.isEmpty && !$0.value.1.isEmpty }
    }
}
