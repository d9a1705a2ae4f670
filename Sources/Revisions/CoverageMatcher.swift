import Catalogue

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

    /// Merges and splits are looked for on two threads: each reads the matching as it stands,
    /// and only `acceptGroups` changes it, in an order of its own.
    func run(_ matching: inout Matching) {
        let (plain, swapped) = (matching, matching.swapped())
        let found = Concurrent.map(2) { side in candidates(side == 0 ? plain : swapped) }
        matching.acceptGroups(merges: found[0], splits: found[1])
    }

    /// Merges seen from the old parts; on `swapped()` these are splits.
    func candidates(_ matching: Matching) -> [GroupCandidate] {
        let wholes = matching.new.indices.filter { matching.group(ofNew: $0) == nil || matching.mayHaveAbsorbed($0) }
        let parts = matching.freeOld
        guard !wholes.isEmpty, parts.count >= 1 else { return [] }
        var profiles: [Int: ItemProfile] = [:]
        var postings: [UInt64: [Int]] = [:]
        for whole in wholes {
            let profile = ItemProfile(matching.new[whole])
            profiles[whole] = profile
            for gram in profile.text.values { postings[gram, default: []].append(whole) }
        }
        let wholesByUnit = Dictionary(grouping: wholes) { ByteKey(matching.new[$0].unitKey) }
        var partsOfWhole: [Int: [(part: Int, name: Bigrams)]] = [:]
        for part in parts {
            let profile = ItemProfile(matching.old[part])
            guard profile.name.count >= 3,
                  let whole = bestWhole(for: part, profile, matching, postings, profiles, wholesByUnit)
            else { continue }
            partsOfWhole[whole, default: []].append((part, profile.name))
        }
        return partsOfWhole.compactMap { whole, covered in
            candidate(whole: whole, profile: profiles[whole]!, covered: covered, matching)
        }
    }

    /// The merge into `whole` of the parts that still count as covered once each part's exact
    /// name is its own: `货运经营者专项许可` is not taken in by a whole that lists
    /// `客运经营者专项许可` when that item is a part too (or the whole's 1:1 partner).
    private func candidate(whole: Int, profile: ItemProfile, covered: [(part: Int, name: Bigrams)],
                           _ matching: Matching) -> GroupCandidate? {
        let partner = matching.oneToOnePartner(ofNew: whole)
        let partnerName = partner.map { ItemProfile(matching.old[$0.old]).name }
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

    /// The whole covering the part best (same unit, or citing the same law), ties by key.
    private func bestWhole(for part: Int, _ profile: ItemProfile, _ matching: Matching,
                           _ postings: [UInt64: [Int]], _ profiles: [Int: ItemProfile],
                           _ wholesByUnit: [ByteKey: [Int]]) -> Int? {
        var hits: [Int: Int] = [:]
        for gram in profile.name.values {
            guard let wholes = postings[gram], wholes.count <= postingLimit else { continue }
            for whole in wholes { hits[whole, default: 0] += 1 }
        }
        let item = matching.old[part]
        var candidates = hits.filter { Double($0.value) >= 0.5 * Double(profile.name.count) }.map(\.key)
        // The wholes of the part's own unit are always candidates, however common their bigrams.
        if let local = wholesByUnit[ByteKey(item.unitKey)], local.count <= postingLimit { candidates += local }
        var best: (whole: Int, coverage: Double, closeness: Double)?
        for whole in Set(candidates) {
            let wholeProfile = profiles[whole]!
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
