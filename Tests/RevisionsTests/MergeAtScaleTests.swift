import Catalogue
import Testing
@testable import Revisions

/// Merges whose parts came from other units, in lists where the parts' bigrams are common:
/// a bigram held by more than `CoverageMatcher.postingLimit` wholes finds no candidates, so
/// at 200,000 items such parts were found only in their own unit, and reported abolished.
@Suite("Merges across units in large lists")
struct MergeAtScaleTests {
    typealias F = Fixture
    static let law = [("道路运输条例", 10)]

    /// Added items of other units, citing nothing, whose names hold every bigram of `common`.
    static func fillers(_ common: String, count: Int = 250) -> [PowerItem] {
        (0..<count).map { F.item("\(common)第\($0)项", unit: "样例县第\($0 % 10)号局", category: "行政许可", serial: "\($0 + 1)") }
    }

    /// One main item of `unit` listing `subs`, citing `law`.
    static func whole(_ name: String, _ subs: [String], unit: String) -> [PowerItem] {
        subs.enumerated().map { F.item(name, unit: unit, category: "行政许可", sub: $1, laws: law, row: 2 + $0) }
    }

    @Test("Parts from other units listed by name as the whole's sub-items are merged, however common their words")
    func partsListedByName() throws {
        let parts = ["道路旅客运输经营许可", "道路货物运输经营许可", "道路运输站场经营许可"]
        let units = ["样例县交通运输局", "样例县商务局", "样例县应急管理局"]
        let old = parts.indices.map { F.item(parts[$0], unit: units[$0], category: "行政许可", laws: Self.law) }
        let new = Self.whole(parts[0], parts, unit: units[0]) + Self.fillers(parts.joined())
        let changes = F.compare(old, new)
        let merge = try #require(changes.single(.merged))
        #expect(Set(merge.old.map(\.name)) == Set(parts))
        #expect(changes.changes(of: .abolished).isEmpty)
        #expect(changes.kinds == [.merged: 1, .added: 250])
    }

    @Test("A part worded a little differently in the whole is found through its rarest bigrams")
    func partFoundByRareBigrams() throws {
        let (first, second) = ("道路旅客运输经营许可", "危险货物道路运输许可")
        let old = [F.item(first, unit: "样例县交通运输局", category: "行政许可", laws: Self.law),
                   F.item(second, unit: "样例县应急管理局", category: "行政许可", laws: Self.law)]
        // The whole lists the second part with a word more; every bigram of `危险货物道路` is common.
        let new = Self.whole(first, [first, "危险货物道路运输许可（含剧毒化学品）"], unit: "样例县交通运输局")
            + Self.fillers("危险货物道路")
        let changes = F.compare(old, new)
        let merge = try #require(changes.single(.merged))
        #expect(Set(merge.old.map(\.name)) == [first, second])
        #expect(changes.changes(of: .abolished).isEmpty)
    }
}
