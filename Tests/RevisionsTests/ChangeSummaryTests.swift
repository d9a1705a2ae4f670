import Catalogue
import Testing
@testable import Revisions

@Suite("The summary as a county reports it")
struct ChangeSummaryTests {
    typealias F = Fixture

    /// 758 items in six departments; 236 abolished and 30 merges of three into one:
    /// 758 − 236 − 90 + 30 = 462 retained, 296 cut.
    static func reportedRevision() -> (old: [PowerItem], new: [PowerItem]) {
        let units = (1...6).map { "克拉玛依市第\($0)局" }
        var old: [PowerItem] = [], new: [PowerItem] = []
        for index in 0..<758 {
            let unit = units[index % units.count]
            let serial = String(index)
            switch index {
            case 0..<236:
                old.append(F.item("取消事项\(index)号", unit: unit, category: "行政许可", serial: serial))
            case 236..<326:
                let group = (index - 236) / 3
                let whole = "合并事项\(group)组", part = "合并事项\(group)组第\(index % 3)部分"
                let wholeUnit = units[(236 + group * 3) % units.count]
                old.append(F.item(part, unit: wholeUnit, category: "行政确认", serial: serial))
                new.append(F.item(whole, unit: wholeUnit, category: "行政确认", serial: String(group), sub: part))
            default:
                let name = "保留事项\(index)号"
                old.append(F.item(name, unit: unit, category: "行政处罚", serial: serial))
                new.append(F.item(name, unit: unit, category: "行政处罚", serial: serial))
            }
        }
        return (old, new)
    }

    @Test("758 items, 296 cut, 462 retained: 精简296项，削减39.1%")
    func reproducesReportFigures() {
        let (old, new) = Self.reportedRevision()
        let changes = F.compare(old, new)
        let total = changes.summary.total
        #expect((total.before, total.after, total.abolished, total.merged) == (758, 462, 236, 90))
        #expect(total.reduction.description == "精简296项，削减39.1%")
        #expect(changes.changes(of: .merged).count == 30)
        #expect(changes.kinds[.unchanged] == 432)
        let byCategory = Dictionary(uniqueKeysWithValues: changes.summary.rows(.category).map { ($0.name, $0.counts) })
        #expect(byCategory["行政许可"]?.reduction.description == "精简236项，削减100.0%")
        #expect(byCategory["行政确认"]?.reduction.description == "精简60项，削减66.7%")
        #expect(byCategory["行政处罚"]?.reduction.description == "项数不变")
        #expect(changes.summary.rows(.unit).map(\.counts.before).reduce(0, +) == 758)
    }

    @Test("Percentages are rounded half away from zero on exact integers, one decimal")
    func rounding() {
        #expect(Reduction(before: 758, after: 462).percentText == "39.1")
        #expect(Reduction(before: 8, after: 7).percentText == "12.5")
        #expect(Reduction(before: 3, after: 2).percentText == "33.3")
        #expect(Reduction(before: 100, after: 112).description == "增加12项，增长12.0%")
        #expect(Reduction(before: 0, after: 0).description == "项数不变")
    }
}

