import Catalogue

/// Names compared by their character bigrams (Dice), through an inverted index so a lookup
/// visits only the names sharing a rare bigram with the query: linear in the items, as the
/// diff's blocking is.
///
/// A lookup first tries the exact normalized name (most traced items restate an upper name
/// word for word). Otherwise it uses prefix filtering: a name scoring at least `threshold`
/// shares at least `needed` bigrams with the query, hence one of its `q - needed + 1` rarest;
/// only those bigrams' postings are walked, counting shared bigrams in a reusable integer array
/// (no dictionary per query). The other bigrams — and a prefix bigram held by more than
/// `blockLimit` names (`行政`, `处罚`) — are added to each candidate's count as an upper bound,
/// and the few candidates that pass are scored exactly by merging sorted bigram ids. A name
/// sharing only over-limit bigrams with the query is missed: the price of the cap.
struct NameIndex {
    /// Bigram ids of each name, sorted, in one flat array: name `i` holds `gramIDs[gramStart[i]..<gramStart[i + 1]]`.
    private var gramStart: [Int32] = [0]
    private var gramIDs: [Int32] = []
    /// Names holding each bigram id, in one flat array, in name order.
    private var postingStart: [Int32] = []
    private var postings: [Int32] = []
    private var ids: [UInt64: Int32] = [:]
    private var exact: [String: Int] = [:]
    let blockLimit: Int

    init(_ names: [String], blockLimit: Int = 500) {
        self.blockLimit = blockLimit
        var counts: [Int32] = []
        for (index, name) in names.enumerated() {
            let normalized = ItemKey.normalized(name)
            // A repeated name (one power in many units) is indexed once: it scores as its first.
            guard exact[normalized] == nil else {
                gramStart.append(Int32(gramIDs.count))
                continue
            }
            exact[normalized] = index
            var grams = Self.bigrams(normalized: normalized).map { gram -> Int32 in
                if let id = ids[gram] { return id }
                let id = Int32(ids.count)
                ids[gram] = id
                counts.append(0)
                return id
            }
            grams.sort()
            for id in grams { counts[Int(id)] += 1 }
            gramIDs += grams
            gramStart.append(Int32(gramIDs.count))
        }
        postingStart = [0]
        for count in counts { postingStart.append(postingStart.last! + count) }
        var fill = Array(postingStart.dropLast())
        postings = Array(repeating: 0, count: gramIDs.count)
        for name in 0..<names.count {
            for id in gramIDs[Int(gramStart[name])..<Int(gramStart[name + 1])] {
                postings[Int(fill[Int(id)])] = Int32(name)
                fill[Int(id)] += 1
            }
        }
    }

    /// Per-caller scratch space: one count per name, reset after each lookup. Reuse it across
    /// many lookups; `best(_:threshold:)` makes a fresh one.
    struct Scratch {
        fileprivate var shared: [Int32]
        fileprivate var touched: [Int32] = []
    }

    func scratch() -> Scratch { Scratch(shared: Array(repeating: 0, count: gramStart.count - 1)) }

    /// The best name at or above `threshold`, with its score.
    func best(_ name: String, threshold: Double) -> (index: Int, score: Double)? {
        var scratch = scratch()
        return best(name, threshold: threshold, scratch: &scratch)
    }

    /// The best name at or above `threshold`, with its score; ties go to the first name.
    func best(_ name: String, threshold: Double, scratch: inout Scratch) -> (index: Int, score: Double)? {
        let normalized = ItemKey.normalized(name)
        if let index = exact[normalized] { return (index, 1) }
        let query = Self.bigrams(normalized: normalized)
        let known = query.compactMap { ids[$0] }.sorted()
        // Prefix filtering: a name at `threshold` shares at least `needed` of the query's
        // bigrams, so it holds one of the `query.count - needed + 1` rarest (unknown ones first).
        let needed = Int((threshold * Double(query.count) / (2 - threshold)).rounded(.up))
        let prefix = max(0, query.count - max(needed, 1) + 1 - (query.count - known.count))
        let byRarity = known.sorted { postingCount($0) < postingCount($1) }
        var unseen = known.count - min(prefix, known.count)   // bigrams not counted: added to every bound
        for id in byRarity.prefix(prefix) {
            let range = Int(postingStart[Int(id)])..<Int(postingStart[Int(id) + 1])
            guard range.count <= blockLimit else { unseen += 1; continue }
            for candidate in postings[range] {
                if scratch.shared[Int(candidate)] == 0 { scratch.touched.append(candidate) }
                scratch.shared[Int(candidate)] += 1
            }
        }
        var best: (index: Int, score: Double)?
        for candidate in scratch.touched {
            let index = Int(candidate)
            // The uncounted bigrams make an upper bound; the check below is exact.
            let size = Int(gramStart[index + 1] - gramStart[index])
            let bound = Double(2 * (Int(scratch.shared[index]) + unseen)) / Double(query.count + size)
            scratch.shared[index] = 0
            guard bound >= threshold, bound >= (best?.score ?? 0) else { continue }
            let score = Double(2 * sharedCount(known, index)) / Double(query.count + size)
            if score >= threshold, score > (best?.score ?? 0) || (score == best?.score && index < best!.index) {
                best = (index, score)
            }
        }
        scratch.touched.removeAll(keepingCapacity: true)
        return best
    }

    private func postingCount(_ id: Int32) -> Int32 { postingStart[Int(id) + 1] - postingStart[Int(id)] }

    /// Bigrams the query (its known bigram ids, sorted) and name `index` share, exactly: a merge.
    private func sharedCount(_ query: [Int32], _ index: Int) -> Int {
        var (left, right, end, shared) = (0, Int(gramStart[index]), Int(gramStart[index + 1]), 0)
        while left < query.count, right < end {
            if query[left] == gramIDs[right] { shared += 1; left += 1; right += 1 }
            else if query[left] < gramIDs[right] { left += 1 }
            else { right += 1 }
        }
        return shared
    }

    /// Distinct bigrams of the normalized text (a single character is its own gram).
    static func bigrams(_ text: String) -> [UInt64] { bigrams(normalized: ItemKey.normalized(text)) }

    static func bigrams(normalized: String) -> [UInt64] {
        let scalars = Array(normalized.unicodeScalars)
        guard scalars.count > 1 else { return scalars.map { UInt64($0.value) << 21 } }
        return Array(Set((0..<(scalars.count - 1)).map {
            UInt64(scalars[$0].value) << 21 | UInt64(scalars[$0 + 1].value)
        }))
    }
}
