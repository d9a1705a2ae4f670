import Catalogue

/// A proposed merge (several old parts → one new whole) found by a stage that looks from the
/// parts to the whole; run on `Matching.swapped()` the same stage proposes splits.
struct GroupCandidate: Sendable {
    var whole: Int
    var parts: [Int]
    /// A 1:1 group of the whole that this candidate grows into a merge, if any.
    var absorbs: Int?
    var score: Double
    var reasons: [PairingReason]
}

extension Matching {
    /// The old partner of a new item paired one to one, with the group's index.
    func oneToOnePartner(ofNew index: Int) -> (group: Int, old: Int)? {
        guard let groupIndex = group(ofNew: index), let group = groups[groupIndex],
              group.old.count == 1, group.new.count == 1 else { return nil }
        return (groupIndex, group.old[0])
    }

    /// True when a new item paired one to one may have taken in more old items: its partner
    /// differs in name or sub-items. (An identical pair — most of a revision — never does,
    /// which keeps the coverage stage's wholes to the items that changed.)
    func mayHaveAbsorbed(_ index: Int) -> Bool {
        guard let partner = oneToOnePartner(ofNew: index) else { return false }
        let (whole, part) = (new[index], old[partner.old])
        return whole.nameKey != part.nameKey || whole.subItemNames != part.subItemNames
    }

    /// Accepts merges found on this matching and splits found on `swapped()`, the larger and
    /// surer first (ties by the items' keys, the same either way round), each item once.
    mutating func acceptGroups(merges: [GroupCandidate], splits: [GroupCandidate]) {
        let tagged = merges.map { ($0, false) } + splits.map { ($0, true) }
        func order(_ entry: (GroupCandidate, Bool)) -> (Int, Double, [String]) {
            let (candidate, isSplit) = entry
            let wholeKey = (isSplit ? old[candidate.whole] : new[candidate.whole]).key.rawValue
            let partKeys = candidate.parts.map { (isSplit ? new[$0] : old[$0]).key.rawValue }
            return (-candidate.parts.count, -candidate.score, ([wholeKey] + partKeys).sorted())
        }
        let sorted = tagged.map { ($0, order($0)) }.sorted { lhs, rhs in
            if lhs.1.0 != rhs.1.0 { return lhs.1.0 < rhs.1.0 }
            if lhs.1.1 != rhs.1.1 { return lhs.1.1 < rhs.1.1 }
            return lhs.1.2.lexicographicallyPrecedes(rhs.1.2)
        }
        for ((candidate, isSplit), _) in sorted {
            let group = MatchGroup(old: isSplit ? [candidate.whole] : candidate.parts,
                                   new: isSplit ? candidate.parts : [candidate.whole],
                                   confidence: candidate.score, reasons: candidate.reasons)
            accept(group, absorbing: candidate.absorbs)
        }
    }

    /// Accepts `group` after dissolving the 1:1 group it grows from (restored if it fails).
    private mutating func accept(_ group: MatchGroup, absorbing index: Int?) {
        guard let index else {
            accept(group)
            return
        }
        guard let absorbed = groups[index], group.old.contains(absorbed.old[0]), group.new.contains(absorbed.new[0])
        else { return }
        dissolve(index)
        if !accept(group) { accept(absorbed) }
    }
}
