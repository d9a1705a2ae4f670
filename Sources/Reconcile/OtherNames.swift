import Catalogue

/// Across units: one power under different names in two units of one level and jurisdiction
/// (`AdminUnit.jurisdiction`) — one category, names alike by bigram similarity AND the same
/// cited instrument and article. Either alone is too weak: many powers cite one article of a
/// framework law, and `对…未按规定…的处罚` names look alike across subjects (at 0.6 the example
/// county gave 13 such pairs, none a real twin; hence 0.75).
///
/// Items are blocked by (level, jurisdiction, instrument, article), so the work is linear in the
/// items; a block holding more than `blockLimit` items (an article every unit cites) is no key.
public enum OtherNames {
    public static func entries(_ items: [PowerItem], threshold: Double = 0.75, blockLimit: Int = 100) -> [ReconcileEntry] {
        let mains = mainItems(items)
        var blocks: [String: [Int]] = [:]
        var cited: [Set<String>] = []
        var jurisdictions: [AdminUnit: String] = [:]   // a regex per unit, not per item
        for (index, item) in mains.enumerated() {
            let keys = Set(citationKeys(item))
            cited.append(keys)
            guard !keys.isEmpty else { continue }
            let jurisdiction = jurisdictions[item.unit] ?? item.unit.jurisdiction
            jurisdictions[item.unit] = jurisdiction
            let prefix = "\(item.unit.level.rawValue)|\(jurisdiction)|"
            for key in keys { blocks[prefix + key, default: []].append(index) }
        }
        var pairs = Set<Pair>()
        for members in blocks.values where members.count > 1 && members.count <= blockLimit {
            for (position, first) in members.enumerated() {
                for second in members[(position + 1)...] where mains[first].unit.name != mains[second].unit.name {
                    pairs.insert(Pair(first, second))
                }
            }
        }
        return pairs.sorted().compactMap { pair in
            entry(mains[pair.first], mains[pair.second], cited[pair.first], cited[pair.second], threshold: threshold)
        }
    }

    struct Pair: Hashable, Comparable {
        let first: Int, second: Int
        init(_ a: Int, _ b: Int) { (first, second) = (min(a, b), max(a, b)) }
        static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.first, lhs.second) < (rhs.first, rhs.second) }
    }

    static func entry(_ a: PowerItem, _ b: PowerItem, _ citedA: Set<String>, _ citedB: Set<String>,
                      threshold: Double) -> ReconcileEntry? {
        let (nameA, nameB) = (ItemKey.normalized(a.name), ItemKey.normalized(b.name))
        // The same name twice is 多头, a `check` finding; two categories are two powers.
        guard nameA != nameB, a.category?.name ?? a.fields[.category] == b.category?.name ?? b.fields[.category] else { return nil }
        let gramsA = Set(NameIndex.bigrams(nameA)), gramsB = Set(NameIndex.bigrams(nameB))
        let similarity = Double(2 * gramsA.intersection(gramsB).count) / Double(gramsA.count + gramsB.count)
        guard similarity >= threshold else { return nil }
        let overlap = Double(citedA.intersection(citedB).count) / Double(citedA.union(citedB).count)
        return ReconcileEntry(kind: .otherName, guidance: nil, local: [MoveTrace.reference(a), MoveTrace.reference(b)], level: a.unit.level,
                              confidence: similarity,
                              reasons: [PairingReason(.similarName, score: similarity), PairingReason(.sharedCitations, score: overlap)])
    }

    /// One record per unit and name (sub-items share their main item's name and basis).
    static func mainItems(_ items: [PowerItem]) -> [PowerItem] {
        var seen = Set<String>()
        return items.filter { seen.insert("\($0.unit.name)|\($0.name)").inserted }
    }

    /// `instrument#article` for each cited article: the registry's key, else the normalized title.
    static func citationKeys(_ item: PowerItem) -> [String] {
        item.citations.flatMap { citation -> [String] in
            guard let instrument = citation.resolution.reference?.key ?? citation.title.map(ItemKey.normalized) else { return [] }
            return citation.articles.map { "\(instrument)#\($0.article)" + ($0.suffix.map { "之\($0)" } ?? "") }
        }
    }
}
