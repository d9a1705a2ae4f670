import Catalogue

/// The character bigrams of a normalized text, as sorted distinct integers (two scalars in
/// 42 bits): cheap to intersect by merging, and keys of the blocking index.
struct Bigrams: Sendable {
    let values: [UInt64]

    init(_ normalized: String) {
        let scalars = Array(normalized.unicodeScalars)
        guard scalars.count > 1 else {
            values = scalars.map { UInt64($0.value) << 21 }
            return
        }
        var grams = [UInt64]()
        grams.reserveCapacity(scalars.count - 1)
        for index in 0..<(scalars.count - 1) {
            grams.append(UInt64(scalars[index].value) << 21 | UInt64(scalars[index + 1].value))
        }
        values = Self.sortedDistinct(grams)
    }

    init(union parts: [Bigrams]) {
        values = Self.sortedDistinct(parts.flatMap(\.values))
    }

    /// Sorted, each once: sorting in place and skipping repeats, where a `Set` hashed each.
    private static func sortedDistinct(_ values: [UInt64]) -> [UInt64] {
        var values = values
        values.sort()
        var kept = 0
        for index in values.indices where index == 0 || values[index] != values[kept - 1] {
            values[kept] = values[index]
            kept += 1
        }
        values.removeLast(values.count - kept)
        return values
    }

    var count: Int { values.count }
    var isEmpty: Bool { values.isEmpty }

    /// How many bigrams both hold.
    func shared(with other: Bigrams) -> Int {
        var (left, right, count) = (0, 0, 0)
        while left < values.count && right < other.values.count {
            if values[left] == other.values[right] {
                count += 1
                left += 1
                right += 1
            } else if values[left] < other.values[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return count
    }

    /// Dice's coefficient: 2·shared / (|a| + |b|); 0 when both are empty.
    func dice(_ other: Bigrams) -> Double {
        let total = count + other.count
        return total == 0 ? 0 : Double(2 * shared(with: other)) / Double(total)
    }

    /// The share of these bigrams found in `whole`.
    func coverage(by whole: Bigrams) -> Double {
        isEmpty ? 0 : Double(shared(with: whole)) / Double(count)
    }
}

/// An item's texts as the similarity and coverage stages compare them, computed once per main
/// item (`MainItem.profile`): each coverage pass and the similarity stage made them again.
struct ItemProfile: Sendable {
    let name: Bigrams
    let subItems: Bigrams
    /// Each sub-item name's bigrams apart, to tell which whole holds a part most closely.
    let subItemList: [Bigrams]
    /// Name and sub-item names together: what a merged whole offers to cover its parts.
    let text: Bigrams
    let citations: Set<ByteKey>

    /// A main item's profile from its normalized name, sub-item names and citation keys
    /// (`MainItem.profile`, made once per item).
    init(nameKey: String, subItemNames: [String], citations: Set<ByteKey>) {
        name = Bigrams(nameKey)
        subItemList = subItemNames.map { Bigrams(TextKey.normalized($0)) }
        subItems = Bigrams(union: subItemList)
        text = Bigrams(union: [name, subItems])
        self.citations = citations
    }

    /// The name and each sub-item name: the texts a merged whole lists its parts by.
    var texts: [Bigrams] { [name] + subItemList }

    /// How well this item, as a whole, covers `part`: the share of the part's bigrams held by
    /// the name or by one sub-item alone — a union of texts would cover any part spelled from
    /// common words (`经营场所` in one sub-item, `许可` in another) and absorb unrelated
    /// abolished items — or, for a part that refines the whole (`X（首次申请）` of `X`), the
    /// share of the whole's name found in the part. Texts in `excluded` (another part's
    /// exact name) are not used.
    func coverage(of part: Bigrams, excluding excluded: Set<Int> = []) -> Double {
        let held = texts.indices.filter { !excluded.contains($0) }.map { part.coverage(by: texts[$0]) }.max() ?? 0
        guard name.count >= 4, part.count > name.count else { return held }
        let refined = name.coverage(by: part)
        return refined >= 0.9 ? max(held, refined) : held
    }

    /// The texts that are exactly `part`'s name.
    func exactTexts(of part: Bigrams) -> Set<Int> {
        Set(texts.indices.filter { texts[$0].values == part.values })
    }

    /// How closely `part` matches this item's name or one of its sub-items (best Dice): among
    /// wholes that cover a part equally, the one listing it nearly as written wins.
    func closeness(of part: Bigrams) -> Double {
        ([name] + subItemList).map { $0.dice(part) }.max() ?? 0
    }

    /// Jaccard overlap of cited laws and articles; nil when neither cites anything.
    func citationOverlap(_ other: ItemProfile) -> Double? {
        let union = citations.union(other.citations).count
        return union == 0 ? nil : Double(citations.intersection(other.citations).count) / Double(union)
    }
}
