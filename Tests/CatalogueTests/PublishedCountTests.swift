import Catalogue
import Testing

@Suite struct PublishedCountTests {
    private func item(_ serial: String?, _ name: String, sub: String? = nil, unit: String = "克拉玛依市国防动员办公室",
                      sheet: String = "行政许可") -> RawItem {
        var fields: FieldValues = [.name: name]
        fields[.serial] = serial
        fields[.subItemName] = sub
        return RawItem(unit: AdminUnit(name: unit, level: .city), fields: fields,
                       provenance: Provenance(file: "a.xlsx", sheet: sheet, firstRow: 1, lastRow: 1))
    }

    @Test func mainItemsCountOnceRowsWithoutSerialDoNotAndSerialsRestartPerSheet() {
        let items = [
            item("1", "报建审批", sub: "同步建设审批"), item("1", "报建审批", sub: "易地建设审批"),
            item("2", "拆除审批"), item(nil, "洗染业经营者备案"),
            item("1", "对违法行为的处罚", sheet: "行政处罚"),
        ]
        #expect(items.publishedItemCount == 3)
    }

    @Test func aTableWithoutAnySerialCountsItsNames() {
        #expect([item(nil, "甲"), item(nil, "乙"), item(nil, "乙")].publishedItemCount == 2)
        // Per table: one sheet numbered, another not.
        #expect([item("1", "甲"), item(nil, "乙", sheet: "行政处罚"), item(nil, "丙", sheet: "行政处罚")].publishedItemCount == 3)
    }

    @Test func aDuplicatedSerialAndNameIsOneItemAndNamesCompareAsKeysDo() {
        #expect([item("1", "甲"), item("1", "甲"), item("1", " 甲\n")].publishedItemCount == 1)
        #expect([item("1", "甲"), item("1", "乙")].publishedItemCount == 2)
    }

    @Test func eachUnitOfAConsolidatedTableCountsApart() {
        #expect([item("1", "甲", unit: "县教育局"), item("1", "甲", unit: "县财政局")].publishedItemCount == 2)
    }

    @Test func aTableWhoseRecordsComeBackAfterAnotherKeepsItsTally() {
        let items = [item("1", "甲"), item("1", "乙", sheet: "行政处罚"), item("1", "甲"), item("2", "丙")]
        #expect(items.publishedItemCount == 3)
    }

    @Test func theOrdinalOfAFieldIsItsPlaceAmongAllCases() {
        #expect(ItemField.allCases.map(\.ordinal) == Array(ItemField.allCases.indices))
    }
}
