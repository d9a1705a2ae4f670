import Catalogue
@testable import Cleanup
import Schemas
import Testing

@Suite("Categories per level")
struct CategoryTests {
    @Test("aliases and broken spellings resolve to the category and its code",
          arguments: [("行政 处罚", "行政处罚", "CF"), ("行政\n确认", "行政确认", "QR"), ("处罚", "行政处罚", "CF"),
                      ("XK", "行政许可", "XK"), ("其他行政权力", "其他行政权力", "QT")])
    func aliases(written: String, name: String, code: String) throws {
        let (item, found) = try Shipped.cleaner().clean(try rawItem("事项", category: written, basis: "【法律】《统计法》第一条"))
        #expect(item.category == CategoryRef(name: name, code: code))
        #expect(!found.contains { $0.code == .unknownCategory })
    }

    @Test("a township has its own list: 行政调解 is one of it, 行政处罚 is not")
    func townshipList() throws {
        #expect(try findings(.categoryNotAtLevel, category: "行政调解", basis: "【法律】《统计法》第一条", level: TestLevel.township).isEmpty)
        let wrong = try findings(.categoryNotAtLevel, category: "行政处罚", basis: "【法律】《统计法》第一条", level: TestLevel.township)
        #expect(wrong.count == 1)
        #expect(wrong.first?.location.cell == "D3")
    }

    @Test("a village lists 授权委托, 自身职权, 配合协助, 村民自治服务")
    func villageList() throws {
        let schema = try Shipped.schemas().categories.group(for: TestLevel.village)
        #expect(schema?.categories.map(\.name) == ["授权委托", "自身职权", "配合协助", "村民自治服务"])
    }

    @Test("非行政许可审批, abolished as a category in 2015, is flagged for reclassification")
    func abolished() throws {
        let found = try findings(.abolishedCategory, category: "非行政许可审批", basis: "【法律】《统计法》第一条")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("2015") == true)
    }

    @Test("an unknown category is reported with the level's list")
    func unknown() throws {
        let found = try findings(.unknownCategory, category: "行政指导监督", basis: "【法律】《统计法》第一条")
        #expect(found.first?.message.contains("行政许可") == true)
    }

    @Test("sheet names are still read as categories, derived from the per-level schema")
    func knownCategories() throws {
        let known = try Shipped.loader.loadCategories()
        #expect(known.category(inSheetName: "其他行政权力（5项）") == "其他行政权力")
        #expect(known.category(inSheetName: "行政许可（3项）") == "行政许可")
    }

    @Test("power-code letters must agree with the category: …XK… on a 行政处罚")
    func codeLetters() throws {
        #expect(try findings(.codeCategoryMismatch, basis: "【法律】《统计法》第一条", itemCode: "650200207XK01600").count == 1)
        #expect(try findings(.codeCategoryMismatch, basis: "【法律】《统计法》第一条", itemCode: "650200207CF01600").isEmpty)
    }
}
