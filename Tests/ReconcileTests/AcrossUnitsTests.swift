import Catalogue
import Reconcile
import Testing

/// Across units: one power under two names in two units of one level (similar names citing the
/// same article), and a power recorded as moved that no unit holds afterwards.
struct AcrossUnitsTests {
    typealias Fixture = GuidanceMatcherTests

    static func cited(_ name: String, unit: String, level: Level = .county, category: String = "行政处罚",
                      title: String, articles: [Int]) -> PowerItem {
        var item = Fixture.item(name, unit: unit, level: level, category: category)
        item.citations = [Citation(text: "《\(title)》", title: title, articles: articles.map { ArticleReference(article: $0) })]
        return item
    }

    @Test func samePowerUnderAnotherNameInTwoDepartmentsIsReported() {
        let items = [
            Self.cited("对未取得排污许可证排放污染物的处罚", unit: "县生态环境局", title: "排污许可管理条例", articles: [33]),
            Self.cited("对无排污许可证排放污染物的处罚", unit: "县水利局", title: "排污许可管理条例", articles: [33, 34]),
            // Similar name, other article: two powers.
            Self.cited("对未取得排污许可证排放污染物的处罚", unit: "县城市管理局", title: "排污许可管理条例", articles: [36]),
            // Same article, unlike name: two powers.
            Self.cited("排污许可证核发", unit: "县水务局", category: "行政许可", title: "排污许可管理条例", articles: [33]),
        ]
        let entries = OtherNames.entries(items)
        #expect(entries.count == 1)
        #expect(entries.first?.kind == .otherName)
        #expect(Set(entries.first?.local.map(\.unit.name) ?? []) == ["县生态环境局", "县水利局"])
        #expect(entries.first.map { $0.confidence >= 0.6 && $0.confidence < 1 } == true)
        #expect(entries.first?.reasons.map(\.code) == [.similarName, .sharedCitations])
        #expect(entries.first?.reasons.last?.score == 0.5, "one of two cited articles in common")
    }

    @Test func twoTownshipsNamingTheirOwnPowerDifferentlyAreNotReported() {
        let items = [
            Self.cited("对占道经营行为的处罚", unit: "甲镇", level: .township, title: "城市市容和环境卫生管理条例", articles: [14]),
            Self.cited("对占道经营的处罚", unit: "乙镇", level: .township, title: "城市市容和环境卫生管理条例", articles: [14]),
            Self.cited("对占道经营的处罚", unit: "甲镇综合执法队", level: .township, title: "城市市容和环境卫生管理条例", articles: [14]),
        ]
        let entries = OtherNames.entries(items)
        #expect(entries.map { Set($0.local.map(\.unit.name)) } == [["甲镇", "甲镇综合执法队"]])
    }

    @Test func aMovedPowerNoUnitHoldsIsClaimedByNone() {
        let moved = Fixture.item("对违规设置户外广告的处罚", unit: "县城市管理局", level: .county)
        let taken = Fixture.item("对违规设置户外广告的处罚", unit: "甲镇", level: .township)
        let kept = Fixture.item("对占道经营的处罚", unit: "乙镇", level: .township)
        let change = { (item: PowerItem) in
            Change(kind: .moved, direction: .devolved, old: [MoveTrace.reference(moved)], new: [MoveTrace.reference(item)],
                   fieldChanges: [], confidence: 0.9, reasons: [])
        }
        let moves = MoveTrace.moves(in: ChangeSet(oldLabel: "2022", newLabel: "2023", changes: [change(taken), change(kept)]))
        #expect(moves.count == 2)
        // In 2024 乙镇 still lists its power; 甲镇 dropped the moved one and nobody took it up.
        let later = [kept, Fixture.item("对乱贴小广告的处罚", unit: "甲镇", level: .township)]
        let unclaimed = MoveTrace.unclaimed(moves, in: later)
        #expect(unclaimed.map(\.local.first?.name) == ["对违规设置户外广告的处罚"])
        #expect(unclaimed.first?.kind == .unclaimed)
        #expect(unclaimed.first?.reasons.first?.text.contains("由县城市管理局下放至甲镇") == true)
        #expect(MoveTrace.unclaimed(moves, in: later + [taken]).isEmpty, "held again: claimed")
    }

    @Test func aMoveARemarkAnnouncesMustBeHeldAtItsTargetLevel() {
        var announced = Fixture.item("对违法建设行为的处罚", unit: "县住房和城乡建设局", level: .county)
        announced.fields[.remarks] = "已下放至乡镇（街道）"
        let moves = MoveTrace.statedMoves([announced, Fixture.item("对某行为的处罚", unit: "县住房和城乡建设局", level: .county)])
        #expect(moves.map(\.targetLevel) == [.township])
        #expect(MoveTrace.unclaimed(moves, in: [announced]).count == 1, "still listed by the county only: no township took it")
        let township = Fixture.item("对违法建设行为的处罚", unit: "甲镇", level: .township)
        #expect(MoveTrace.unclaimed(moves, in: [township]).isEmpty)
    }
}
