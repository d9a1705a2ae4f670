import Catalogue
import Concurrency

/// Pairs the items left over by the certain stages by similarity: names (character bigrams),
/// sub-item names, and the laws and articles they cite.
///
/// Blocking keeps it near linear: candidate pairs come from an inverted index of name bigrams,
/// and a bigram shared by too many items on both sides (`行政`, `处罚`) is skipped as a key —
/// it still counts in the score of pairs found through rarer bigrams. A pair is kept when its
/// score reaches `threshold`; pairs are then accepted best first (ties by key), each item once,
/// which makes the result independent of input order and symmetric in old and new.
struct SimilarityMatcher {
    var threshold: Double
    /// Largest |old| × |new| of a bigram's postings that still yields candidate pairs.
    var blockLimit = 2_500

    func run(_ matching: inout Matching) {
        let olds = matching.freeOld, news = matching.freeNew
        guard !olds.isEmpty, !news.isEmpty else { return }
        let (oldProfiles, newProfiles) = Self.profiles(matching, olds: olds, news: news)
        let unitBlocks = Self.unitBlocks(matching, olds: olds, news: news)
        let pairs = Array(sharedBigramCounts(olds: olds, news: news, oldProfiles, newProfiles, unitBlocks: unitBlocks).keys)
        // Scoring the pairs is most of this stage, and each pair alone: on all cores.
        let chunks = Concurrent.chunks(pairs.count, minimum: 5_000)
        let snapshot = matching
        var candidates = Array(Concurrent.map(chunks.count) { chunk in
            pairs[chunks[chunk]].compactMap { pair -> Candidate? in
                let (old, new) = (Int(pair >> 32), Int(pair & 0xFFFF_FFFF))
                guard let (score, reasons) = score(oldProfiles[old]!, newProfiles[new]!,
                                                   sameUnit: snapshot.old[old].unitKey == snapshot.new[new].unitKey),
                      score >= threshold else { return nil }
                return Candidate(score: score, old: old, new: new, reasons: reasons, tie: Self.tieKey(snapshot, old, new))
            }
        }.joined())
        candidates.sort { (lhs: Candidate, rhs: Candidate) -> Bool in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            return lhs.tie < rhs.tie
        }
        for candidate in candidates {
            matching.accept(MatchGroup(old: [candidate.old], new: [candidate.new],
                                       confidence: candidate.score, reasons: candidate.reasons))
        }
    }

    /// The profiles of the items left on each side, the two sides on two threads.
    private static func profiles(_ matching: Matching, olds: [Int], news: [Int])
        -> (old: [Int: ItemProfile], new: [Int: ItemProfile]) {
        let sides = Concurrent.map(2) { side in
            let (indices, items) = side == 0 ? (olds, matching.old) : (news, matching.new)
            return Dictionary(uniqueKeysWithValues: indices.map { ($0, items[$0].profile) })
        }
        return (sides[0], sides[1])
    }

    private struct Candidate {
        var score: Double
        var old: Int
        var new: Int
        var reasons: [PairingReason]
        var tie: String
    }

    /// Pairs (old << 32 | new) that share at least one blocking bigram.
    private func sharedBigramCounts(olds: [Int], news: [Int], _ oldProfiles: [Int: ItemProfile],
                                    _ newProfiles: [Int: ItemProfile], unitBlocks: [([Int], [Int])]) -> [UInt64: Int] {
        var postings: [UInt64: ([Int], [Int])] = [:]
        for old in olds { for gram in oldProfiles[old]!.name.values { postings[gram, default: ([], [])].0.append(old) } }
        for new in news {
            for gram in newProfiles[new]!.name.values where postings[gram] != nil { postings[gram]!.1.append(new) }
        }
        var shared: [UInt64: Int] = [:]
        for (olds, news) in postings.values where !news.isEmpty && olds.count * news.count <= blockLimit {
            for old in olds { for new in news { shared[UInt64(old) << 32 | UInt64(new), default: 0] += 1 } }
        }
        // A unit's own leftovers are always compared with each other (most renames stay in
        // their unit), however common their bigrams.
        for (olds, news) in unitBlocks where olds.count * news.count <= blockLimit * 4 {
            for old in olds { for new in news { shared[UInt64(old) << 32 | UInt64(new), default: 0] += 1 } }
        }
        return shared
    }

    /// Weighted mean of the name, sub-item and citation similarities that apply; a pair whose
    /// names share less than 40% of their bigrams is never a rename, whatever else it shares.
    private func score(_ old: ItemProfile, _ new: ItemProfile, sameUnit: Bool) -> (Double, [PairingReason])? {
        let name = old.name.dice(new.name)
        guard name >= 0.4 else { return nil }
        var reasons = [PairingReason(.similarName, score: name)]
        var (sum, weight) = (0.6 * name, 0.6)
        if !old.subItems.isEmpty || !new.subItems.isEmpty {
            let subItems = old.subItems.dice(new.subItems)
            (sum, weight) = (sum + 0.15 * subItems, weight + 0.15)
            if subItems > 0 { reasons.append(PairingReason(.similarSubItems, score: subItems)) }
        }
        if let citations = old.citationOverlap(new) {
            (sum, weight) = (sum + 0.25 * citations, weight + 0.25)
            if citations > 0 { reasons.append(PairingReason(.sharedCitations, score: citations)) }
        }
        // Another unit must be earned by the texts alone.
        let score = sum / weight - (sameUnit ? 0 : 0.05)
        return (min(score, 1), reasons)
    }

    /// The leftovers of each unit on both sides.
    static func unitBlocks(_ matching: Matching, olds: [Int], news: [Int]) -> [([Int], [Int])] {
        var blocks: [ByteKey: ([Int], [Int])] = [:]
        for old in olds { blocks[ByteKey(matching.old[old].unitKey), default: ([], [])].0.append(old) }
        for new in news where blocks[ByteKey(matching.new[new].unitKey)] != nil {
            blocks[ByteKey(matching.new[new].unitKey)]!.1.append(new)
        }
        return blocks.values.filter { !$0.1.isEmpty }
    }

    /// The same for (old, new) and for (new, old) once swapped: the two keys in sorted order.
    static func tieKey(_ matching: Matching, _ old: Int, _ new: Int) -> String {
        [matching.old[old].key.rawValue, matching.new[new].key.rawValue].sorted().joined(separator: "\u{0}")
    }
}
