import Catalogue
import Reconcile
import Testing

struct LevelTraceTests {
    typealias Fixture = GuidanceMatcherTests

    @Test func villageAssistanceNeedsAnUpperPower() {
        let items = [
            Fixture.item("对违法建设行为的处罚", unit: "某某镇", level: .township),
            Fixture.item("协助对违法建设行为的处罚", unit: "某某村", level: .village, category: "配合协助", serial: 1),
            Fixture.item("配合开展森林防火巡查", unit: "某某村", level: .village, category: "配合协助", serial: 2),
            Fixture.item("村民会议决定事项", unit: "某某村", level: .village, category: "其他行政权力", serial: 3),
        ]
        #expect(LevelTrace.untraced(items).map(\.name) == ["配合开展森林防火巡查"])
    }

    @Test func delegatedTownshipItemTracesToTheCounty() {
        var delegated = Fixture.item("对占道经营的处罚", unit: "某某镇", level: .township, serial: 1)
        delegated.fields[.remarks] = "县城管局下放"
        var orphan = Fixture.item("对乱贴小广告的处罚", unit: "某某镇", level: .township, serial: 2)
        orphan.fields[.remarks] = "下放"
        let county = Fixture.item("对占道经营的处罚", unit: "县城市管理局", level: .county)
        #expect(LevelTrace.untraced([delegated, orphan, county]).map(\.name) == ["对乱贴小广告的处罚"])
    }
}
