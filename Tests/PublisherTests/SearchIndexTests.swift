import Catalogue
import Foundation
import Testing
@testable import Publisher

@Suite("The search index")
struct SearchIndexTests {
    @Test("Chinese text splits into character bigrams within runs of letters and digits")
    func bigrams() {
        #expect(SearchIndex.bigrams(of: "行政许可") == ["行政", "政许", "许可"])
        // Punctuation and spaces break a run; full-width letters fold to half-width, lower case.
        #expect(SearchIndex.bigrams(of: "许可（含备案）") == ["许可", "含备", "备案"])
        #expect(SearchIndex.bigrams(of: "ＸＫ0 1") == ["xk", "k0"])
        #expect(SearchIndex.bigrams(of: "证").isEmpty)
        // Texts with scalars the quick path does not know take the exact one.
        #expect(SearchIndex.bigrams(of: "Ⅻ號café") == ["xi", "ii", "i號", "號c", "ca", "af", "fé"])
    }

    @Test("The quick folding of common scalars agrees with NFKC, lower case and the letter-or-digit test")
    func quickFolding() {
        for value in UInt32(0)...0xFFFF {
            guard let (folded, word) = Bigram.quickFold(value), let scalar = Unicode.Scalar(value) else { continue }
            let exact = String(scalar).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
            if word {
                #expect(exact.map(\.value) == [folded], "U+\(String(value, radix: 16))")
            } else {
                #expect(!exact.contains(where: Bigram.isWordScalar), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("Posting lists survive encoding, sparse as gaps and dense as a bitmap", arguments: [
        [0], [5, 6, 7, 1000, 40_000], Array(0..<3000), Array(stride(from: 3, to: 99_000, by: 2)),
    ])
    func postingRoundTrip(documents: [Int]) {
        let encoded = PostingList.encode(documents, documentCount: 100_000)
        #expect(PostingList.decode(encoded) == documents)
        // Never longer than a bitmap over every document.
        #expect(encoded.utf8.count <= 1 + (100_000 + 5) / 6)
    }

    @Test("A bigram is indexed under the best rank it appears in: name, then basis, then body")
    func ranks() {
        let model = SiteModel(content: SampleSite.content)
        let index = SearchIndex(model: model)
        let names = model.items.map(\.item.name)
        func documents(_ bigram: String, _ rank: SearchIndex.Rank) -> [String] {
            (index.postings(bigram)?[rank.rawValue] ?? []).map { names[$0] }
        }
        #expect(documents("许可", .name).sorted() == ["对未取得许可从事经营的处罚", "食品经营许可"])
        // 行政许可 appears in this item's basis text only.
        #expect(documents("许可", .basis) == ["对拒绝提供统计资料的处罚"])
        #expect(documents("统计", .name).contains("统计执法检查"))
        #expect(!documents("统计", .basis).contains("统计执法检查"))
    }

    @Test("Shards stay under the size limit and every bigram is in the shard its hash names")
    func shards() throws {
        let content = SyntheticSite.content(items: 2000)
        let model = SiteModel(content: content)
        let index = SearchIndex(model: model)
        // Small limits, so a small catalogue needs several shards.
        let (count, files) = index.indexShards(budget: 15_000, limit: 20_000)
        #expect(count > 1)
        for (number, file) in files.enumerated() {
            #expect(file.utf8.count <= 20_000)
            #expect(file.hasPrefix("PL_SEARCH.shard(\(number),{"))
        }
        let bigram = "许可"
        let shard = files[SearchIndex.shard(of: bigram, shardCount: count)]
        #expect(shard.contains("\"许可\":"))
    }

    @Test("Index files escape markup: a cell cannot close the script it is in")
    func escaping() {
        let json = ScriptJSON.string("</script><script>alert('x')</script>\u{2028}\"")
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("'"))
        #expect(json == "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(\\u0027x\\u0027)\\u003c/script\\u003e\\u2028\\\"\"")
        let model = SiteModel(content: SampleSite.content)
        let files = SearchIndex(model: model).files(model: model)
        for file in files {
            #expect(!file.contents.contains("<script"), "\(file.path)")
        }
    }
}
