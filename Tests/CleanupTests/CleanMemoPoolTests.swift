import Catalogue
@testable import Cleanup
import Testing

@Suite("Memos kept between batches")
struct CleanMemoPoolTests {
    static let bases = ["《中华人民共和国统计法》第三十七条", "《中华人民共和国统计法》第四十一条\n《统计法实施条例》第四十七条"]

    @Test("a batch cleans exactly as item by item, also after an earlier batch taught the memo")
    func sameResults() throws {
        let cleaner = try Shipped.cleaner()
        let raws = try (0..<3_000).map { try rawItem("事项\($0)", basis: Self.bases[$0 % 2], row: $0 + 3) }
        let alone = raws.map { cleaner.clean($0) }
        for _ in 0..<2 {
            let (items, findings) = cleaner.clean(raws)
            #expect(items == alone.map(\.0))
            #expect(findings == alone.flatMap(\.1))
        }
    }

    @Test("what a batch learnt is there for the next one")
    func kept() throws {
        let cleaner = try Shipped.cleaner()
        _ = cleaner.clean([try rawItem("事项", basis: Self.bases[0])])
        #expect(cleaner.memos.take().count > 0)
    }

    @Test("a memo grown past the limit is dropped, not kept")
    func limit() {
        let pool = CleanMemoPool()
        var memo = CleanMemo()
        for index in 0...CleanMemoPool.limit {
            _ = memo.normalized("第\(index)项", field: .handlingOrgan, keepsStructure: false)
        }
        pool.giveBack(memo)
        #expect(pool.take().count == 0)
    }

    @Test("a memo whose texts passed the limit keeps its bases")
    func basesKept() throws {
        let cleaner = try Shipped.cleaner()
        var memo = CleanMemo()
        _ = cleaner.clean(try rawItem("事项", basis: Self.bases[0]), memo: &memo)
        for index in 0...CleanMemoPool.limit {
            _ = memo.normalized("第\(index)项", field: .handlingOrgan, keepsStructure: false)
        }
        let pool = CleanMemoPool()
        pool.giveBack(memo)
        let kept = pool.take()
        #expect(kept.basisCount == 1)
        #expect(kept.count == kept.basisCount + 1)   // the basis's citations and its checks' drafts
    }
}
