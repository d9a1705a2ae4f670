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
}
