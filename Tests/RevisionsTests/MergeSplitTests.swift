import Catalogue
import Testing
@testable import Revisions

@Suite("Merges, splits and moves of several items")
struct MergeSplitTests {
    typealias F = Fixture
    static let planning = "克拉玛依市自然资源局"

    @Test("Three items that became the sub-items of one are a 3 → 1 merge, found without any remark")
    func threeIntoOne() throws {
        let parts = ["建设项目选址意见书核发", "建设用地规划许可证核发", "建设工程规划许可证核发"]
        let old = parts.enumerated().map { F.item($1, unit: Self.planning, category: "行政许可", serial: "\($0 + 1)") }
        let new = F.withSubItems("建设工程规划类许可", parts, unit: Self.planning)
        let changes = F.compare(old, new)
        let merge = try #require(changes.single(.merged))
        #expect(Set(merge.old.map(\.name)) == Set(parts))
        #expect(merge.new.map(\.name) == ["建设工程规划类许可"])
        #expect(merge.reasons.map(\.code) == [.coverage])
        #expect(changes.changes.count == 1)
        #expect(changes.summary.total.merged == 3 && changes.summary.total.reduction.items == 2)
    }

    @Test("One item whose name held two powers, listed apart now, is a 1 → 2 split, found without any remark")
    func oneIntoTwo() throws {
        let old = [F.item("种子生产经营许可证核发", unit: "克拉玛依市农业农村局", category: "行政许可")]
        let new = [F.item("种子生产许可证核发", unit: "克拉玛依市农业农村局", category: "行政许可"),
                   F.item("种子经营许可证核发", unit: "克拉玛依市农业农村局", category: "行政许可", serial: "2")]
        let changes = F.compare(old, new)
        let split = try #require(changes.single(.split))
        #expect(split.old.map(\.name) == ["种子生产经营许可证核发"])
        #expect(Set(split.new.map(\.name)) == ["种子生产许可证核发", "种子经营许可证核发"])
        #expect(changes.changes.count == 1)
    }

    @Test("Three items folded into one that keeps the first's name and lists all three as sub-items are a 3 → 1 merge")
    func threeIntoOneKeepingAName() throws {
        let unit = "阿克塔什县交通运输局"
        let parts = ["公路建设单位经营场所许可", "超限运输车辆技术条件许可", "客运经营者专项许可"]
        let old = parts.enumerated().map { F.item($1, unit: unit, category: "行政许可", serial: "\($0 + 1)") }
        let new = F.withSubItems(parts[0], parts, unit: unit)
        let changes = F.compare(old, new)
        let merge = try #require(changes.single(.merged))
        #expect(Set(merge.old.map(\.name)) == Set(parts))
        #expect(merge.new.map(\.name) == [parts[0]])
        #expect(changes.changes.count == 1)
    }

    @Test("A merge takes only the items its whole lists: near namesakes and items spelled from its words stay abolished")
    func mergeLeavesUnrelatedItemsAbolished() throws {
        let unit = "阿克塔什县交通运输局"
        let parts = ["公路建设单位经营场所许可", "超限运输车辆技术条件许可", "客运经营者专项许可"]
        // `货运…` differs from a part by one character; `公路建设单位专项许可` is made of two sub-items' words.
        let unrelated = ["货运经营者专项许可", "公路建设单位专项许可", "超限运输车辆专项许可"]
        let old = (parts + unrelated).enumerated().map { F.item($1, unit: unit, category: "行政许可", serial: "\($0 + 1)") }
        let changes = F.compare(old, F.withSubItems(parts[0], parts, unit: unit))
        let merge = try #require(changes.single(.merged))
        #expect(Set(merge.old.map(\.name)) == Set(parts))
        #expect(Set(changes.changes(of: .abolished).flatMap(\.old).map(\.name)) == Set(unrelated))
        #expect(changes.kinds == [.merged: 1, .abolished: 3])
    }

    @Test("One item listed as two refinements of its name (首次申请, 变更、延续) is a 1 → 2 split, not a rename")
    func oneIntoTwoRefinements() throws {
        let unit = "阿克塔什县交通运输局"
        let old = [F.item("机动车维修经营者设立许可", unit: unit, category: "行政许可", laws: [("公路安全保护条例", 17)])]
        let new = [F.item("机动车维修经营者设立许可（首次申请）", unit: unit, category: "行政许可", laws: [("公路安全保护条例", 17)]),
                   F.item("机动车维修经营者设立许可（变更、延续）", unit: unit, category: "行政许可", serial: "2",
                          laws: [("公路安全保护条例", 17)])]
        let changes = F.compare(old, new)
        let split = try #require(changes.single(.split))
        #expect(split.old.map(\.name) == ["机动车维修经营者设立许可"])
        #expect(split.new.count == 2)
        #expect(changes.changes.count == 1)
        // And the other way round the two are merged back into one.
        #expect(F.compare(new, old).single(.merged)?.old.count == 2)
    }

    @Test("A remark that says 由…合并 makes a merge even when the names share nothing")
    func mergeByRemark() throws {
        let old = [F.item("出版物零售单位设立审批", unit: "克拉玛依市文化体育广电和旅游局", category: "行政许可"),
                   F.item("音像制品零售单位设立审批", unit: "克拉玛依市文化体育广电和旅游局", category: "行政许可", serial: "2")]
        let new = [F.item("文化市场经营许可", unit: "克拉玛依市文化体育广电和旅游局", category: "行政许可",
                          remarks: "由“出版物零售单位设立审批”、“音像制品零售单位设立审批”合并")]
        let merge = try #require(F.compare(old, new).single(.merged))
        #expect(merge.old.count == 2)
        #expect(merge.reasons.first?.code == .remark)
        #expect(merge.reasons.first?.text.hasPrefix("备注：由") == true)
    }

    @Test("A remark that says 拆分为… makes a split")
    func splitByRemark() throws {
        let old = [F.item("水利工程管理", unit: "克拉玛依市水利局", category: "其他行政权力", remarks: "拆分为河道采砂许可、取水许可")]
        let new = [F.item("河道采砂许可", unit: "克拉玛依市水利局", category: "行政许可"),
                   F.item("取水许可", unit: "克拉玛依市水利局", category: "行政许可", serial: "2")]
        let split = try #require(F.compare(old, new).single(.split))
        #expect(split.new.count == 2)
    }

    @Test("An abolished item whose remark says 下放至乡镇 is a move down, with no counterpart in the lists")
    func devolvedByRemark() throws {
        let old = [F.item("农村危房改造补助审核", unit: "克拉玛依市住房和城乡建设局", category: "行政给付", remarks: "下放至乡镇")]
        let change = try #require(F.compare(old, []).single(.moved))
        #expect(change.direction == .devolved && change.new.isEmpty)
        #expect(change.reasons.map(\.code) == [.remark])
    }

    @Test("A consolidated two-revision CSV: items move from departments to a township, counted out and in")
    func consolidatedListMovesToTownship() throws {
        let csv = """
        版本,行使主体,层级,序号,事项名称,权力类型
        2023,克拉玛依市住房和城乡建设局,县级,1,对违法建设的行政处罚,行政处罚
        2023,克拉玛依市住房和城乡建设局,县级,2,建筑工程施工许可,行政许可
        2023,克拉玛依市自然资源局,县级,1,农村宅基地审批,行政许可
        2023,乌尔禾镇,乡镇,1,计划生育家庭特别扶助,行政给付
        2024,克拉玛依市住房和城乡建设局,县级,1,建筑工程施工许可,行政许可
        2024,乌尔禾镇,乡镇,1,计划生育家庭特别扶助,行政给付
        2024,乌尔禾镇,乡镇,2,对违法建设的行政处罚,行政处罚
        2024,乌尔禾镇,乡镇,3,农村宅基地审批,行政许可
        """
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        func revision(_ label: String) -> [PowerItem] {
            rows.filter { $0[0] == label }.map {
                F.item($0[4], unit: $0[1], level: $0[2] == "乡镇" ? .township : F.county, category: $0[5], serial: $0[3])
            }
        }
        let changes = F.compare(revision("2023"), revision("2024"))
        let moves = changes.changes(of: .moved)
        #expect(moves.count == 2 && moves.allSatisfy { $0.direction == .devolved })
        #expect(Set(moves.flatMap(\.new).map(\.unit.name)) == ["乌尔禾镇"])
        let summary = changes.summary
        let township = try #require(summary.rows(.unit).first { $0.name == "乌尔禾镇" }?.counts)
        #expect((township.before, township.after, township.movedIn) == (1, 3, 2))
        let housing = try #require(summary.rows(.unit).first { $0.name == "克拉玛依市住房和城乡建设局" }?.counts)
        #expect((housing.before, housing.after, housing.movedOut) == (2, 1, 1))
        #expect(summary.total.reduction.items == 0)
        let levels = summary.rows(.level).map { ($0.name, $0.counts.before, $0.counts.after) }
        #expect(levels.map(\.0) == ["乡镇", "县级及以上"])
        #expect(levels.map(\.1) == [1, 3] && levels.map(\.2) == [3, 1])
    }
}
