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

    /// Bigram (its two scalars packed, `Bigram`) → its slot: `postings[3 * slot + rank]` are
    /// its documents in that rank, sorted since documents are added in order. Numbers, not
    /// strings, and flat arrays rather than a list of lists per bigram: building the index of
    /// 100,000 items visits some 30 million bigrams.
    private(set) var slots: [UInt64: Int] = [:]
    private(set) var postings: [[Int32]] = []
    /// The last document each slot was seen in: a bigram counts once per document.
    private var lastDocument: [Int32] = []
    private(set) var documentCount = 0

    init(model: SiteModel) {
        for item in model.items { add(item.item) }
    }

    /// The documents of a bigram per rank.
    func lists(_ bigram: UInt64) -> [[Int32]]? {
        slots[bigram].map { Array(postings[3 * $0..<3 * $0 + 3]) }
    }

    /// The documents of a bigram per rank, for tests.
    func postings(_ bigram: String) -> [[Int]]? {
        var key: UInt64?
        Bigram.each(in: bigram) { key = key ?? $0 }
        return key.flatMap(lists)?.map { $0.map(Int.init) }
    }

    private mutating func add(_ item: PowerItem) {
        let document = Int32(documentCount)
        documentCount += 1
        for rank in Rank.allCases {
            for text in Self.texts(of: item, rank: rank) {
                Bigram.each(in: text) { bigram in
                    let slot: Int
                    if let known = slots[bigram] {
                        guard lastDocument[known] != document else { return }
                        slot = known
                    } else {
                        slot = lastDocument.count
                        slots[bigram] = slot
                        lastDocument.append(document)
                        postings += [[], [], []]
                    }
                    lastDocument[slot] = document
                    postings[3 * slot + rank.rawValue].append(document)
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
            return bodyFields.compactMap { item.fields[$0] } + item.raw.extraFields.map(\.value) + [item.category?.name ?? ""]
        }
    }

    private static let bodyFields = ItemField.allCases.filter { ![.name, .subItemName, .code, .basis].contains($0) }

    /// Bigrams of the letters and digits of a text, case- and width-folded, within runs
    /// unbroken by spaces or punctuation. search.js splits a query the same way.
    static func bigrams(of text: String) -> [String] {
        var result: [String] = []
        Bigram.each(in: text) { result.append(Bigram.text($0)) }
        return result
    }

    /// The shard of a bigram: 31-hash of its code points, as search.js computes it.
    static func shard(of bigram: String, shardCount: Int) -> Int {
        var hash: UInt32 = 0
        for scalar in bigram.unicodeScalars { hash = hash &* 31 &+ scalar.value }
        return Int(hash % UInt32(shardCount))
    }

    /// The index shards, as (shard count, file contents by shard).
    func indexShards(budget: Int = shardBudget, limit: Int = shardLimit) -> (count: Int, files: [String]) {
        let entries = slots.keys.sorted().map { key in
            let bigram = Bigram.text(key)
            let encoded = lists(key)!.map { PostingList.encode($0, documentCount: documentCount) }
            return (bigram, ScriptJSON.string(bigram) + ":" + ScriptJSON.strings(encoded))
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
