import Catalogue
@testable import Cleanup
import Testing

@Suite("Records named without becoming items")
struct NamingTests {
    /// Names, sub-items, codes and categories as lists write them: line breaks inside words,
    /// full-width letters, a category the level does not know, another level's category, empty cells.
    static let names = ["对拒绝\n配合统计调查的处罚", "统计调查项目审批（ＡＢ类）", " 统计执法检查 ", "核发(变更)许可证"]
    static let subItems: [String?] = [nil, "", "新设\n审批", "变更"]
    static let codes: [String?] = [nil, "TJ 001", "ＴＪ００２", ""]
    static let categories: [String?] = ["行政处罚", "行政\n许可", "其他行政事项", "不存在的类型", nil]

    @Test("each record's naming is what naming its item gives: key, name, sub-item, code and category")
    func namingsAreTheNamedItems() throws {
        let cleaner = try Cleaner(schemas: Shipped.schemas())
        var texts: [Cleaner.NamingTexts] = []
        var raws: [RawItem] = []
        for (index, name) in Self.names.enumerated() {
            for subItem in Self.subItems {
                for code in Self.codes {
                    for category in Self.categories {
                        let unit = index % 2 == 0 ? AdminUnit(name: "样例县统计局", level: try TestLevel.department())
                            : AdminUnit(name: "样例县第一镇人民政府", level: TestLevel.township)
                        var fields: FieldValues = [.serial: "1", .name: name]
                        fields[.subItemName] = subItem
                        fields[.code] = code
                        fields[.category] = category
                        raws.append(RawItem(unit: unit, fields: fields.filter { !$0.value.isEmpty },
                                            provenance: Provenance(file: "清单.csv", sheet: "清单", firstRow: 2, lastRow: 2)))
                        texts.append(Cleaner.NamingTexts(unit: unit, name: name, subItem: subItem, code: code, category: category))
                    }
                }
            }
        }
        let namings = cleaner.namings(count: texts.count) { [texts] in texts[$0] }
        let items = cleaner.named(raws)
        #expect(namings.count == items.count)
        for (naming, item) in zip(namings, items) {
            #expect(naming.key == item.key)
            #expect(naming.name == item.name)
            #expect(naming.subItem == item.subItemName)
            #expect(naming.code == item.fields[.code])
            #expect(naming.writtenCategory == item.fields[.category])
            #expect(naming.category == item.category)
        }
        #expect(namings.contains { $0.category == nil && $0.writtenCategory != nil })
        #expect(namings.contains { $0.category != nil })
    }
}
