import Catalogue

/// Names compared by their character bigrams (Dice), through an inverted index so a lookup
/// visits only the names sharing a bigram with the query: linear in the items, as the diff's
/// blocking is. A bigram held by more than `blockLimit` names (`行政`, `处罚`) is no key.
struct NameIndex {
    private var grams: [[UInt64]] = []
    private var postings: [UInt64: [Int]] = [:]
    let blockLimit: Int

    init(_ names: [String], blockLimit: Int = 2_000) {
        self.blockLimit = blockLimit
        for (index, name) in names.enumerated() {
            let set = Self.bigrams(name)
            grams.append(set)
            for gram in set { postings[gram, default: []].append(index) }
        }
    }

    /// The best name at or above `threshold`, with its score.
    func best(_ name: String, threshold: Double) -> (index: Int, score: Double)? {
        let query = Self.bigrams(name)
        var shared: [Int: Int] = [:]
        for gram in query {
            guard let list = postings[gram], list.count <= blockLimit else { continue }
            for index in list { shared[index, default: 0] += 1 }
        }
        var best: (index: Int, score: Double)?
        for (index, count) in shared {
            let score = Double(2 * count) / Double(query.count + grams[index].count)
            if score >= threshold, score > (best?.score ?? 0) || (score == best?.score && index < best!.index) {
                best = (index, score)
            }
        }
        return best
    }

    /// Distinct bigrams of the normalized text (a single character is its own gram).
    static func bigrams(_ text: String) -> [UInt64] {
        let scalars = Array(ItemKey.normalized(text).unicodeScalars)
        guard scalars.count > 1 else { return scalars.map { UInt64($0.value) << 21 } }
        return Array(Set((0..<(scalars.count - 1)).map {
            UInt64(scalars[$0].value) << 21 | UInt64(scalars[$0 + 1].value)
        }))
    }
}
