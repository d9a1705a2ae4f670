import Catalogue
import Concurrency

/// Finds merges and splits without any remark: several items whose names are covered by one
/// item's name and sub-items (`A许可`, `B许可`, `C许可` by `A、B、C许可`, or by an item with
/// sub-items A, B and C). Looked at from the parts: each part goes to the whole that covers
/// it best; a whole covering two or more parts (counting the one it may already be paired
/// with) becomes a merge — or, on the swapped matching, a split.
struct CoverageMatcher {
    /// Share of a part's name bigrams the whole must hold.
    var minimumCoverage = 0.8
    /// A bigram held by more wholes than this is not used to find candidates.
    var postingLimit = 200
    /// How many wholes a part's rarest bigrams may bring at most (`candidateWholes`).
    var prefixBudget = 200

    /// Merges (from the old parts) and splits (the same on `swapped()`) are looked for at once:
    /// each side's wholes indexed on a core of its own, then the parts of both sides in chunks
    /// on all cores — one thread a side left one core idle while the other side finished.
    /// Each reads the matching as it stands; only `acceptGroups` changes it, in an order of its own.
    func run(_ matching: inout Matching) {
        let sides = [matching, matching.swapped()]
        let searches = Concurrent.map(2) { Search(sides[$0]) }
        let tasks = (0..<2).flatMap { side in
            Concurrent.chunks(searches[side].parts.count, minimum: 500, perCore: 4).map { (side: side, parts: $0) }
        }
        let found = Concurrent.map(tasks.count) { task in
            let search = searches[tasks[task].side]
            var scratch = Scratch(count: search.matching.new.count)
            return tasks[task].parts.compactMap { position -> (part: Int, whole: Int)? in
                let part = search.parts[position]
                let profile = search.matching.old[part].profile
                guard profile.name.count >= 3, let index = search.index,
                      let whole = bestWhole(for: part, profile, search.matching, index, &scratch) else { return nil }
                return (part, whole)
            }
        }
        let candidates = Concurrent.map(2) { side in
            let pairs = zip(tasks, found).filter { $0.0.side == side }.flatMap(\.1)
            return self.candidates(searches[side], pairs)
        }
        matching.acceptGroups(merges: candidates[0], splits: candidates[1])
    }

    /// One side's search: its parts (the free old items) and its wholes indexed.
    private struct Search: Sendable {
        let matching: Matching
        let parts: [Int]
        /// Nil when there is nothing to look for.
        let index: WholeIndex?

        init(_ matching: Matching) {
            self.matching = matching
            let wholes = matching.new.indices.filter { matching.group(ofNew: $0) == nil || matching.mayHaveAbsorbed($0) }
            parts = wholes.isEmpty ? [] : matching.freeOld
            index = parts.isEmpty ? nil : WholeIndex(wholes, matching)
        }
    }

    /// The merges of one side from each part's best whole (parts in order).
    private func candidates(_ search: Search, _ pairs: [(part: Int, whole: Int)]) -> [GroupCandidate] {
        guard let index = search.index else { return [] }
        var partsOfWhole: [Int: [(part: Int, name: Bigrams)]] = [:]
        for (part, whole) in pairs {
            partsOfWhole[whole, default: []].append((part, search.matching.old[part].profile.name))
        }
        return partsOfWhole.compactMap { whole, covered in
            candidate(whole: whole, profile: index.profiles[whole]!, covered: covered, search.matching)
        }
    }

    /// The merge into `whole` of the parts that still count as covered once each part's exact
    /// name is its own: `货运经营者专项许可` is not taken in by a whole that lists
    /// `客运经营者专项许可` when that item is a part too (or the whole's 1:1 partner).
    private func candidate(whole: Int, profile: ItemProfile, covered: [(part: Int, name: Bigrams)],
                           _ matching: Matching) -> GroupCandidate? {
        let partner = matching.oneToOnePartner(ofNew: whole)
        let partnerName = partner.map { matching.old[$0.old].profile.name }
        let everyone = covered + (partner.map { [($0.old, partnerName!)] } ?? [])
        let claims = everyone.map { (part: $0.part, texts: profile.exactTexts(of: $0.name)) }
        var parts: [Int] = [], coverages: [Double] = []
        for (part, name) in covered {
            let others = claims.filter { $0.part != part }.reduce(into: Set<Int>()) { $0.formUnion($1.texts) }
            let coverage = profile.coverage(of: name, excluding: others)
            guard coverage >= minimumCoverage else { continue }
            parts.append(part)
            coverages.append(coverage)
        }
        if let partner {
            parts.append(partner.old)
            coverages.append(1)
        }
        guard parts.count >= 2 else { return nil }
        let score = coverages.reduce(0, +) / Double(coverages.count)
        return GroupCandidate(whole: whole, parts: parts.sorted(), absorbs: partner?.group,
                              score: 0.9 * score, reasons: [PairingReason(.coverage, score: score)])
    }

    /// A cheap bound on `ItemProfile.coverage` (two merges of sorted bigrams, nothing
    /// allocated), so the wholes the postings bring cost little: no name or sub-item holds more
    /// of the part than all of them together, and a whole's name found in the part must share
    /// nine in ten of its bigrams with it.
    private func mayCover(_ whole: ItemProfile, _ part: Bigrams) -> Bool {
        if whole.text.shared(with: part) >= requiredShare(of: part.count) { return true }
        guard whole.name.count >= 4, part.count > whole.name.count else { return false }
        return Double(whole.name.shared(with: part)) / Double(whole.name.count) >= 0.9
    }

    /// The fewest of `count` bigrams a whole must hold, by the very division `Bigrams.coverage` makes.
    private func requiredShare(of count: Int) -> Int {
        (0...count).first { Double($0) / Double(count) >= minimumCoverage } ?? count
    }

    /// The wholes that may cover a part, found through the index rather than by comparing the
    /// part with every whole:
    /// - the wholes listing the part's name exactly, as their name or a sub-item (a merge
    ///   lists its parts so, whatever unit they came from);
    /// - the wholes holding half the part's bigrams, counting only bigrams of ≤ `postingLimit` wholes;
    /// - every whole holding one of the part's rarest bigrams (prefix filtering: a whole holding
    ///   `minimumCoverage` of the part's `n` bigrams misses at most `n − ⌈0.8·n⌉` of them, so it
    ///   holds one of the `n − ⌈0.8·n⌉ + 1` rarest), when these are held by no more than
    ///   `prefixBudget` wholes in all: at 200,000 items a name spelled from common words has no
    ///   rare bigram, and was found only in its own unit;
    /// - the wholes of the part's own unit, however common their bigrams.
    ///
    /// Counted and collected in `scratch` (arrays by whole, reset after): a dictionary of hits
    /// and a set of candidates per part were half of this stage.
    private func candidateWholes(for profile: ItemProfile, unit: ByteKey, _ index: WholeIndex,
                                 _ scratch: inout Scratch) -> [Int] {
        for gram in profile.name.values {
            guard let wholes = index.postings[gram], wholes.count <= postingLimit else { continue }
            for whole in wholes { scratch.hit(whole) }
        }
        for whole in scratch.touched where Double(scratch.hits[whole]) >= 0.5 * Double(profile.name.count) {
            scratch.add(whole)
        }
        scratch.add(index.byText[profile.name.values] ?? [])
        let needed = profile.name.count - requiredShare(of: profile.name.count) + 1
        // A bigram no whole holds is missed by all: the next rarest takes its place.
        let rarest = profile.name.values.map { (gram: $0, wholes: index.postings[$0] ?? []) }
            .sorted { ($0.wholes.count, $0.gram) < ($1.wholes.count, $1.gram) }.prefix(needed)
        if rarest.reduce(0, { $0 + $1.wholes.count }) <= prefixBudget {
            for posting in rarest { scratch.add(posting.wholes) }
        }
        if let local = index.byUnit[unit], local.count <= postingLimit { scratch.add(local) }
        return scratch.takeCandidates()
    }

    /// The whole covering the part best (same unit, or citing the same law), ties by key.
    private func bestWhole(for part: Int, _ profile: ItemProfile, _ matching: Matching, _ index: WholeIndex,
                           _ scratch: inout Scratch) -> Int? {
        let item = matching.old[part]
        var best: (whole: Int, coverage: Double, closeness: Double)?
        for whole in candidateWholes(for: profile, unit: ByteKey(item.unitKey), index, &scratch) {
            let wholeProfile = index.profiles[whole]!
            guard mayCover(wholeProfile, profile.name) else { continue }
            let coverage = wholeProfile.coverage(of: profile.name)
            guard coverage >= minimumCoverage,
                  matching.new[whole].unitKey == item.unitKey || !profile.citations.isDisjoint(with: wholeProfile.citations)
            else { continue }
            let closeness = wholeProfile.closeness(of: profile.name)
            if let current = best {
                let better = (coverage, closeness) > (current.coverage, current.closeness)
                    || (coverage, closeness) == (current.coverage, current.closeness)
                    && matching.new[whole].key < matching.new[current.whole].key
                guard better else { continue }
            }
            best = (whole, coverage, closeness)
        }
        return best?.whole
    }
}

/// The wholes of one coverage run, indexed so that a part is compared with a few of them.
private struct WholeIndex: Sendable {
    var profiles: [Int: ItemProfile] = [:]
    /// Each bigram → the wholes whose name or a sub-item holds it.
    var postings: [UInt64: [Int]] = [:]
    /// Each name and sub-item name, as its bigrams → the wholes listing it.
    var byText: [[UInt64]: [Int]] = [:]
    let byUnit: [ByteKey: [Int]]

    init(_ wholes: [Int], _ matching: Matching) {
        byUnit = Dictionary(grouping: wholes) { ByteKey(matching.new[$0].unitKey) }
        for whole in wholes {
            let profile = matching.new[whole].profile
            profiles[whole] = profile
            for gram in profile.text.values { postings[gram, default: []].append(whole) }
            for text in profile.texts where !text.isEmpty { byText[text.values, default: []].append(whole) }
        }
    }
}

/// One task's counters by whole (an index of the new side), for `candidateWholes`: the bigram
/// hits of the part at hand and the candidates found, each whole once.
private struct Scratch {
    private(set) var hits: [Int32]
    /// The wholes hit, in the order first hit.
    private(set) var touched: [Int] = []
    private var chosen: [Bool]
    private var candidates: [Int] = []

    init(count: Int) {
        hits = Array(repeating: 0, count: count)
        chosen = Array(repeating: false, count: count)
    }

    mutating func hit(_ whole: Int) {
        if hits[whole] == 0 { touched.append(whole) }
        hits[whole] += 1
    }

    mutating func add(_ whole: Int) {
        guard !chosen[whole] else { return }
        chosen[whole] = true
        candidates.append(whole)
    }

    mutating func add(_ wholes: [Int]) {
        for whole in wholes { add(whole) }
    }

    /// The candidates, every counter reset for the next part.
    mutating func takeCandidates() -> [Int] {
        for whole in touched { hits[whole] = 0 }
        for whole in candidates { chosen[whole] = false }
        touched.removeAll(keepingCapacity: true)
        defer { candidates.removeAll(keepingCapacity: true) }
        return candidates
    }
}
