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

    /// Bigram (its two scalars packed, `Bigram`) → its slot; the documents of list
    /// `3 * slot + rank` are `documents[offsets[list]..<offsets[list + 1]]`, in order. Numbers
    /// in flat arrays, built in one pass (`Builder`): the index of 100,000 items visits some 30
    /// million bigrams, and a hash lookup plus an append to a nested list per bigram was most
    /// of its time.
    private(set) var slots: BigramSlots
    private let offsets: [Int]
    private let documents: [Int32]
    let documentCount: Int

    init(model: SiteModel) {
        var builder = Builder()
        for item in model.items { builder.add(item.item) }
        slots = builder.slots
        (offsets, documents) = builder.postings()
        documentCount = builder.documentEnds.count
    }

    /// The documents of a slot in one rank.
    func documents(slot: Int, rank: Int) -> ArraySlice<Int32> {
        documents[offsets[3 * slot + rank]..<offsets[3 * slot + rank + 1]]
    }

    /// The documents of a bigram per rank.
    func lists(_ bigram: UInt64) -> [[Int32]]? {
        slots.slot(ofKnown: bigram).map { slot in Rank.allCases.map { Array(documents(slot: slot, rank: $0.rawValue)) } }
    }

    /// The documents of a bigram per rank, for tests.
    func postings(_ bigram: String) -> [[Int]]? {
        var key: UInt64?
        Bigram.each(in: bigram) { key = key ?? $0 }
        return key.flatMap(lists)?.map { $0.map(Int.init) }
    }

    /// Collects each document's bigrams as list numbers (`3 * slot + rank`) in document order,
    /// counting each list's length, then lays the lists out one after the other.
    private struct Builder {
        var slots = BigramSlots()
        /// The last document each slot was seen in: a bigram counts once per document.
        var lastDocument: [Int32] = []
        var entries: [UInt32] = []
        var documentEnds: [Int] = []
        var counts: [Int32] = []

        mutating func add(_ item: PowerItem) {
            let document = Int32(documentEnds.count)
            for rank in Rank.allCases {
                for text in SearchIndex.texts(of: item, rank: rank) {
                    Bigram.each(in: text) { bigram in
                        let (slot, isNew) = slots.slot(of: bigram)
                        if isNew {
                            lastDocument.append(document)
                            counts += [0, 0, 0]
                        } else {
                            guard lastDocument[slot] != document else { return }
                            lastDocument[slot] = document
                        }
                        let list = 3 * slot + rank.rawValue
                        entries.append(UInt32(list))
                        counts[list] += 1
                    }
                }
            }
            documentEnds.append(entries.count)
        }

        /// Every list's documents, in order, one list after the other; the counts become
        /// each list's next free place on the way.
        mutating func postings() -> (offsets: [Int], documents: [Int32]) {
            var offsets = [Int](repeating: 0, count: counts.count + 1)
            for list in counts.indices {
                offsets[list + 1] = offsets[list] + Int(counts[list])
                counts[list] = Int32(offsets[list])
            }
            var documents = [Int32](repeating: 0, count: entries.count)
            var start = 0
            for (document, end) in documentEnds.enumerated() {
                for entry in entries[start..<end] {
                    documents[Int(counts[Int(entry)])] = Int32(document)
                    counts[Int(entry)] += 1
                }
                start = end
            }
            return (offsets, documents)
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
        let bigrams = slots.bigrams
        let entries = bigrams.indices.sorted { bigrams[$0] < bigrams[$1] }.map { slot in
            let bigram = Bigram.text(bigrams[slot])
            let encoded = Rank.allCases.map { PostingList.encode(documents(slot: slot, rank: $0.rawValue), documentCount: documentCount) }
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
