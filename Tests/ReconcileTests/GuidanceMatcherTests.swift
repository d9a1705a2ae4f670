import Catalogue
import Foundation
import Reconcile
import Sheets
import Testing

/// A guidance catalogue (sheets 地州级 and 区县级) against a county list that implements part
/// of it: every kind is reported with the right items.
struct GuidanceMatcherTests {
    static func item(_ name: String, unit: String, level: Level, category: String = "行政处罚",
                     sheet: String = "Sheet1", serial: Int = 1, basis: String? = nil) -> PowerItem {
        var fields: FieldValues = [.name: name, .category: category, .serial: "\(serial)"]
        fields[.basis] = basis
        let raw = RawItem(unit: AdminUnit(name: unit, level: level), fields: fields,
                          provenance: Provenance(file: "\(unit).xlsx", sheet: sheet, firstRow: serial + 2, lastRow: serial + 2))
        return PowerItem(key: ItemKey(unit: unit, name: name, subItem: nil), raw: raw, fields: fields,
                         category: CategoryRef(name: category), citations: [])
    }

    static func guide(_ name: String, sheet: String, category: String = "行政处罚", serial: Int) -> PowerItem {
        item(name, unit: "县级主管部门", level: .county, category: category, sheet: sheet, serial: serial)
    }

    static let guidance = [
        guide("对未按规定报告统计资料的处罚", sheet: "区县级", serial: 1),
        guide("对拒绝提供统计资料的处罚", sheet: "区县级", serial: 2),
        guide("对擅自占用城市绿地的处罚", sheet: "区县级", serial: 3),
        guide("统计调查项目审批", sheet: "区县级", category: "行政许可", serial: 4),
        guide("对违法排放大气污染物的处罚", sheet: "区县级", serial: 5),
        guide("对特种设备事故未报告的处罚", sheet: "地州级", serial: 1),
    ]

    static let local = [
        // matched
        item("对未按规定报告统计资料的处罚", unit: "县统计局", level: .county, serial: 1),
        // renamed (still matched)
        item("对拒绝提供统计资料行为的处罚", unit: "县统计局", level: .county, serial: 2),
        // recategorized: differs
        item("统计调查项目审批", unit: "县统计局", level: .county, category: "其他行政权力", serial: 3),
        // extra
        item("对伪造统计证件的行政强制", unit: "县统计局", level: .county, category: "行政强制", serial: 4),
        item("对违法排放大气污染物的处罚", unit: "县生态环境局", level: .county, serial: 1),
        // a county power handed down: found at the township, it differs in level
        item("对擅自占用城市绿地的处罚", unit: "某某镇", level: .township, serial: 1),
    ]

    let result = GuidanceMatcher.reconcile(guidance: guidance, local: local)

    func names(_ kind: ReconcileKind) -> [String] {
        result.entries.filter { $0.kind == kind }.map { $0.guidance?.name ?? $0.local[0].name }.sorted()
    }

    @Test func everyKindWithItsItems() {
        #expect(names(.matched) == ["对拒绝提供统计资料的处罚", "对未按规定报告统计资料的处罚", "对违法排放大气污染物的处罚"])
        #expect(names(.differs) == ["对擅自占用城市绿地的处罚", "统计调查项目审批"])
        #expect(names(.missing) == ["对特种设备事故未报告的处罚"])
        #expect(names(.extra) == ["对伪造统计证件的行政强制"])
    }

    @Test func renamedItemCarriesSimilarityReason() throws {
        let entry = try #require(result.entries.first { $0.guidance?.name == "对拒绝提供统计资料的处罚" })
        #expect(entry.local.map(\.name) == ["对拒绝提供统计资料行为的处罚"])
        #expect(entry.confidence < 1)
        #expect(entry.reasons.contains { $0.code == .similarName })
    }

    @Test func differenceNamesTheCategory() throws {
        let entry = try #require(result.entries.first { $0.guidance?.name == "统计调查项目审批" })
        #expect(entry.differences.map(\.field) == [.category])
        #expect(entry.differences.first?.new == "其他行政权力")
    }

    @Test func differenceNamesTheLevel() throws {
        let entry = try #require(result.entries.first { $0.guidance?.name == "对擅自占用城市绿地的处罚" })
        #expect(entry.kind == .differs)
        #expect(entry.local.map(\.unit.name) == ["某某镇"])
        #expect(entry.differences.map(\.field) == [.levelAndAuthority])
    }

    @Test func coverageInTotalAndPerUnit() throws {
        #expect(result.guidanceTotal == 6)
        #expect(result.implemented == 5)
        let statistics = try #require(result.units.first { $0.unit == "县统计局" })
        #expect(statistics.implemented == 3)
        #expect(statistics.extra == 1)
        #expect(statistics.guidanceTotal == 5)
        #expect(result.units.first { $0.unit == "某某镇" }?.implemented == 1)
    }

    @Test func levelOptionKeepsOneSheet() {
        let county = GuidanceMatcher.reconcile(guidance: Self.guidance, local: Self.local, options: .init(level: .city))
        #expect(county.guidanceTotal == 1)
        #expect(county.count(.missing) == 1)
    }

    @Test func reportsNameEveryKind() throws {
        var result = result
        let moved = Self.item("对违规设置户外广告的处罚", unit: "县城市管理局", level: .county)
        let change = Change(kind: .moved, old: [], new: [MoveTrace.reference(moved)], confidence: 1, reasons: [])
        result.entries += MoveTrace.unclaimed(MoveTrace.moves(in: ChangeSet(oldLabel: "2022", newLabel: "2023", changes: [change])), in: [])
        result.entries += OtherNames.entries([
            AcrossUnitsTests.cited("对未取得排污许可证排放污染物的处罚", unit: "县生态环境局", title: "排污许可管理条例", articles: [33]),
            AcrossUnitsTests.cited("对无排污许可证排放污染物的处罚", unit: "县水利局", title: "排污许可管理条例", articles: [33]),
        ])
        let html = ReconcileReport.html(result)
        #expect(ReconcileReport.terminalSummary(result).contains("异名同权 1 项"))
        for kind in ReconcileKind.allCases { #expect(html.contains(kind.label)) }
        #expect(!html.contains("<script"))
        let json = try JSONSerialization.jsonObject(with: ReconcileReport.json(result)) as? [String: Any]
        let entries = try #require(json?["entries"] as? [[String: Any]])
        #expect(entries.count == result.entries.count)
        #expect(Set(entries.compactMap { $0["kind"] as? String }) == Set(ReconcileKind.allCases.map(\.rawValue)))
    }
}
