import Catalogue
import Testing
@testable import Revisions

@Suite("Each kind of change on small revisions")
struct ChangeKindTests {
    typealias F = Fixture

    @Test("An identical item is unchanged; a changed basis is a modification with the field old → new")
    func unchangedAndModified() throws {
        let old = [F.item("对拒不提供统计资料的处罚", basis: "《统计法》第四十一条"),
                   F.item("统计执法检查", category: "行政检查", serial: "2")]
        let new = [F.item("对拒不提供统计资料的处罚", basis: "《中华人民共和国统计法》第四十一条"),
                   F.item("统计执法检查", category: "行政检查", serial: "2")]
        let changes = F.compare(old, new)
        #expect(changes.kinds == [.unchanged: 1, .modified: 1])
        let modified = try #require(changes.single(.modified))
        #expect(modified.fieldChanges == [FieldChange(field: .basis, old: "《统计法》第四十一条", new: "《中华人民共和国统计法》第四十一条")])
        #expect(modified.confidence == 1)
        #expect(modified.reasons.map(\.code) == [.sameName])
    }

    @Test("A reworded name citing the same law is a rename, with its similarity as the reason")
    func renamed() throws {
        let old = [F.item("对拒绝配合统计调查的处罚", laws: [("统计法", 41)])]
        let new = [F.item("对拒绝阻碍统计调查的处罚", laws: [("统计法", 41)])]
        let change = try #require(F.compare(old, new).single(.renamed))
        #expect(change.old.map(\.name) == ["对拒绝配合统计调查的处罚"])
        #expect(change.new.map(\.name) == ["对拒绝阻碍统计调查的处罚"])
        #expect(change.confidence > 0.6 && change.confidence < 1)
        #expect(change.reasons.map(\.code) == [.similarName, .sharedCitations])
        #expect(change.fieldChanges.contains { $0.field == .name })
    }

    @Test("An item gone is abolished, an item new is added")
    func abolishedAndAdded() throws {
        let changes = F.compare([F.item("统计调查项目审批", category: "行政许可")],
                                [F.item("统计信用修复", category: "其他行政权力")])
        #expect(changes.kinds == [.abolished: 1, .added: 1])
        #expect(changes.single(.abolished)?.old.map(\.name) == ["统计调查项目审批"])
        #expect(changes.single(.added)?.new.map(\.name) == ["统计信用修复"])
        #expect(changes.single(.added)?.old.isEmpty == true)
    }

    @Test("The same power under another category is recategorized")
    func recategorized() throws {
        let change = try #require(F.compare([F.item("统计从业资格认定", category: "非行政许可审批")],
                                            [F.item("统计从业资格认定", category: "其他行政权力")]).single(.recategorized))
        #expect(change.label == "调整类型")
        #expect(change.fieldChanges == [FieldChange(field: .category, old: "非行政许可审批", new: "其他行政权力")])
    }

    @Test("A power that goes from a county department to a township is moved down (下放), and back up is 上收")
    func moved() throws {
        let county = [F.item("农村宅基地审批", unit: "克拉玛依市自然资源局", category: "行政许可")]
        let township = [F.item("农村宅基地审批", unit: "乌尔禾镇", level: .township, category: "行政许可")]
        let down = try #require(F.compare(county, township).single(.moved))
        #expect(down.direction == .devolved && down.label == "下放")
        #expect(down.reasons.map(\.code) == [.sameNameOtherUnit])
        #expect(F.compare(township, county).single(.moved)?.label == "上收")
        let other = [F.item("农村宅基地审批", unit: "克拉玛依市农业农村局", category: "行政许可")]
        #expect(F.compare(county, other).single(.moved)?.label == "划转")
    }

    @Test("A reworded unit name is no move: 级 after a level word, and the region's name left out")
    func unitNamesAreNormalized() {
        let old = [F.item("农药经营许可", unit: "地州市级农业农村局", category: "行政许可"),
                   F.item("统计执法检查", unit: "市统计局", category: "行政检查")]
        let new = [F.item("农药经营许可", unit: "地州市农业农村局", category: "行政许可"),
                   F.item("统计执法检查", unit: "克拉玛依市统计局", category: "行政检查")]
        let changes = F.compare(old, new, region: Region(name: "克拉玛依市"))
        #expect(changes.kinds == [.unchanged: 2])
        let normalizer = UnitNameNormalizer(region: Region(name: "克拉玛依市"))
        #expect(normalizer.key("市统计局") == normalizer.key("克拉玛依市统计局"))
        #expect(normalizer.key("克拉玛依统计局") == normalizer.key("克拉玛依市统计局"))
        #expect(normalizer.key("克拉玛依市统计局") != normalizer.key("克拉玛依市税务局"))
        #expect(UnitNameNormalizer().key("市统计局") != UnitNameNormalizer().key("克拉玛依市统计局"))
    }

    @Test("A township named by its government is the same unit: 库木巴什镇人民政府 = 库木巴什镇")
    func townshipGovernment() {
        let old = [F.item("高龄津贴申领审批", unit: "库木巴什镇人民政府", level: .township, category: "行政给付")]
        let new = [F.item("高龄津贴申领审批", unit: "库木巴什镇", level: .township, category: "行政给付")]
        #expect(F.compare(old, new).kinds == [.unchanged: 1])
        #expect(UnitNameNormalizer().key("克拉玛依市人民政府") != UnitNameNormalizer().key("克拉玛依市"))
    }

    @Test("A code reused for an unrelated power of another category pairs nothing; the same name in the unit does")
    func reusedCode() {
        let old = [F.item("招标人设立许可", category: "行政许可", code: "659901001XK00001"),
                   F.item("对招标人未按规定提交评估报告的处罚", category: "行政处罚", serial: "2", code: "659901001CF00001")]
        let new = [F.item("对招标人未按规定提交评估报告的处罚", category: "行政处罚", code: "659901001XK00001")]
        let changes = F.compare(old, new)
        #expect(changes.kinds == [.abolished: 1, .modified: 1])
        #expect(changes.single(.abolished)?.old.map(\.name) == ["招标人设立许可"])
    }

    @Test("Same unit and name with another category is recategorized, also among items that carry codes")
    func recategorizedAmongCodes() throws {
        let old = [F.item("残疾人两项补贴审批", unit: "阿克塔什镇", level: .township, category: "非行政许可审批"),
                   F.item("再生育申请审批", unit: "阿克塔什镇", level: .township, category: "非行政许可审批", serial: "2")]
        let new = [F.item("再生育申请审批", unit: "阿克塔什镇", level: .township, category: "其他行政权力"),
                   F.item("残疾人两项补贴审批", unit: "阿克塔什镇", level: .township, category: "其他行政权力", serial: "2")]
        let changes = F.compare(old, new)
        #expect(changes.kinds == [.recategorized: 2])
        let change = try #require(changes.changes.first { $0.old.first?.name == "再生育申请审批" })
        #expect(change.new.map(\.name) == ["再生育申请审批"])
        #expect(change.fieldChanges.map(\.field) == [.category])
    }

    @Test("Stable codes pair items whatever their names")
    func stableCodes() throws {
        let old = [F.item("公共场所卫生许可", code: "650200207XK01600")]
        let new = [F.item("公共场所卫生许可证核发（含延续、变更）", code: "650200207XK01600")]
        let change = try #require(F.compare(old, new).single(.renamed))
        #expect(change.reasons.map(\.code) == [.sameCode] && change.confidence == 1)
    }

    @Test("A sub-item added to an item is a modification of that item, and counts as one item")
    func subItemsAreFieldChanges() throws {
        let old = F.withSubItems("建设工程消防验收", ["新建工程验收"])
        let new = F.withSubItems("建设工程消防验收", ["新建工程验收", "改建工程验收"])
        let changes = F.compare(old, new)
        let change = try #require(changes.single(.modified))
        #expect(change.fieldChanges == [FieldChange(field: .subItemName, old: "新建工程验收", new: "新建工程验收；改建工程验收")])
        #expect(changes.summary.total.before == 1 && changes.summary.total.after == 1)
    }
}
