import Catalogue
import Foundation

/// The client-side search index: character bigrams of each item's text (Chinese needs no word
/// segmentation this way), in three ranks — name, legal basis, everything else — so a name
/// match ranks first. Written as `<script>` files because browsers refuse `fetch()` of files
/// opened from `file://`: `meta.js` (facets), index shards `i-N.js` picked by a hash of the
/// bigram, and document shards `d-N.js` (what a result shows), each kept under `shardBudget`.
struct SearchIndex {
    /// The search ranks, best first.
    enum Rank: Int, CaseIterable { case name, basis, body }

    static let documentsPerShard = 1000
    /// A shard's target size; the hard limit a query may load is `shardLimit`.
    static let shardBudget = 150_000
    static let shardLimit = 200_000

    /// bigram → document numbers per rank (sorted, since documents are added in order).
    private(set) var postings: [String: [[Int]]] = [:]
    private(set) var documentCount = 0

    init(model: SiteModel) {
        for item in model.items { add(item.item) }
    }

    private mutating func add(_ item: PowerItem) {
        let document = documentCount
        documentCount += 1
        var seen = Set<String>()
        for rank in Rank.allCases {
            for text in Self.texts(of: item, rank: rank) {
                for bigram in Self.bigrams(of: text) where seen.insert(bigram).inserted {
                    postings[bigram, default: [[], [], []]][rank.rawValue].append(document)
                }
            }
        }
    }

    /// What each rank searches. A bigram counts once per document, in its best rank.
    static func texts(of item: PowerItem, rank: Rank) -> [String] {
        switch rank {
        case .name:
            return [item.name, item.subItemName ?? "", item.fields[.code] ?? ""]
        case .basis:
            return [item.fields[.basis] ?? ""] + item.citations.compactMap(LawEntry.title(of:))
        case .body:
            let shown: Set<ItemField> = [.name, .subItemName, .code, .basis]
            return ItemField.allCases.filter { !shown.contains($0) }.compactMap { item.fields[$0] }
                + item.raw.extraFields.map(\.value) + [item.category?.name ?? ""]
        }
    }

    /// Bigrams of the letters and digits of a text, case- and width-folded, within runs
    /// unbroken by spaces or punctuation. search.js splits a query the same way.
    static func bigrams(of text: String) -> [String] {
        var result: [String] = []
        var previous: Unicode.Scalar?
        for scalar in text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            guard isWordScalar(scalar) else {
                previous = nil
                continue
            }
            if let previous {
                var bigram = String.UnicodeScalarView()
                bigram.append(previous)
                bigram.append(scalar)
                result.append(String(bigram))
            }
            previous = scalar
        }
        return result
    }

    /// `\p{L}` or `\p{N}`, as the browser's regular expression tests it.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    /// The shard of a bigram: 31-hash of its code points, as search.js computes it.
    static func shard(of bigram: String, shardCount: Int) -> Int {
        var hash: UInt32 = 0
        for scalar in bigram.unicodeScalars { hash = hash &* 31 &+ scalar.value }
        return Int(hash % UInt32(shardCount))
    }

    /// The index shards, as (shard count, file contents by shard).
    func indexShards(budget: Int = shardBudget, limit: Int = shardLimit) -> (count: Int, files: [String]) {
        let entries = postings.keys.sorted().map { bigram in
            let lists = postings[bigram]!.map { PostingList.encode($0, documentCount: documentCount) }
            return (bigram, ScriptJSON.string(bigram) + ":" + ScriptJSON.strings(lists))
        }
        let total = entries.reduce(0) { $0 + $1.1.utf8.count + 1 }
        var count = max(1, (total + budget - 1) / budget)
        while true {
            var bodies = [[String]](repeating: [], count: count)
            for (bigram, entry) in entries { bodies[Self.shard(of: bigram, shardCount: count)].append(entry) }
            let files = bodies.enumerated().map { "PL_SEARCH.shard(\($0.offset),{" + $0.element.joined(separator: ",") + "});\n" }
            if files.allSatisfy({ $0.utf8.count <= limit }) || count >= entries.count { return (count, files) }
            count *= 2
        }
    }
}
