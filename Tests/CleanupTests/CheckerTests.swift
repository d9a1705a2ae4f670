import Catalogue
@testable import Cleanup
import Testing

@Suite("Checks across items")
struct CheckerTests {
    func clean(_ raws: [RawItem]) throws -> [PowerItem] {
        try Shipped.cleaner().clean(raws).items
    }

    @Test("the same normalized name and category twice in a unit is a duplicate")
    func duplicates() throws {
        let items = try clean([try rawItem("对拒绝配合统计调查的处罚", row: 3), try rawItem("对拒绝\n配合统计调查的处罚", row: 7),
                               try rawItem("对拒绝配合统计调查的处罚", category: "行政检查", row: 9)])
        let found = try Checker(schemas: Shipped.schemas()).check(items).filter { $0.code == .duplicateItem }
        #expect(found.count == 1)
        #expect(found.first?.location.cell == "B7")
        #expect(found.first?.message.contains("第3行") == true)
    }

    @Test("one power claimed by two departments is 多头; townships all listing it are not")
    func claimedByTwoUnits() throws {
        let departments = try clean([try rawItem("对某行为的处罚", unit: "甲局"), try rawItem("对某行为的处罚", unit: "乙局")])
        let claims = try Checker(schemas: Shipped.schemas()).check(departments).filter { $0.code == .claimedByTwoUnits }
        #expect(claims.count == 2)
        #expect(claims.contains { $0.message.contains("同时由乙局列出") })
        #expect(claims.contains { $0.message.contains("同时由甲局列出") })

        let townships = try clean([try rawItem("调解纠纷", category: "行政调解", unit: "甲镇", level: TestLevel.township),
                                   try rawItem("调解纠纷", category: "行政调解", unit: "乙镇", level: TestLevel.township)])
        #expect(try Checker(schemas: Shipped.schemas()).check(townships).isEmpty)
    }

    @Test("two offices of one township listing a township power is 多头; two townships or two villages each listing it are not")
    func claimedInsideOneTownship() throws {
        let checker = try Checker(schemas: Shipped.schemas())
        let offices = try clean([try rawItem("调解纠纷", category: "行政调解", unit: "甲镇综合治理办公室", level: TestLevel.township),
                                 try rawItem("调解纠纷", category: "行政调解", unit: "甲镇司法所", level: TestLevel.township),
                                 try rawItem("调解纠纷", category: "行政调解", unit: "乙镇司法所", level: TestLevel.township)])
        let claims = checker.check(offices).filter { $0.code == .claimedByTwoUnits }
        #expect(claims.count == 2)
        #expect(claims.contains { $0.message.contains("同时由甲镇综合治理办公室列出") })
        #expect(!claims.contains { $0.message.contains("乙镇") })

        let villages = try clean([try rawItem("协助开展人口普查", category: "配合协助", unit: "阿克村村民委员会", level: TestLevel.village),
                                  try rawItem("协助开展人口普查", category: "配合协助", unit: "托万村村民委员会", level: TestLevel.village)])
        #expect(checker.check(villages).isEmpty)
    }

    @Test("a unit's jurisdiction: the region for departments, the township or village its name begins with")
    func jurisdictions() {
        #expect(AdminUnit(name: "阿克塔什县公安局", level: .county).jurisdiction == "")
        #expect(AdminUnit(name: "博斯坦镇综合执法办", level: .township).jurisdiction == "博斯坦镇")
        #expect(AdminUnit(name: "团结路街道办事处", level: .township).jurisdiction == "团结路街道")
        #expect(AdminUnit(name: "喀拉苏乡人民政府", level: .township).jurisdiction == "喀拉苏乡")
        #expect(AdminUnit(name: "阿克村村民委员会", level: .village).jurisdiction == "阿克村")
        #expect(AdminUnit(name: "综合执法办", level: .township).jurisdiction == "综合执法办", "names no township: its own")
    }
}
