import Catalogue
import Foundation
import Testing
import Publisher
import Store

/// Small items for the export tests.
enum StoreFixtures {
    static let commerce = AdminUnit(name: "克拉玛依市商务局", level: .county)

    static func item(_ name: String, rows: ClosedRange<Int> = 4...4) -> RawItem {
        RawItem(
            unit: commerce,
            fields: [.serial: "1", .name: name, .category: "行政许可"],
            extraFields: [ExtraField(header: "监督电话", value: "0990-6888888", cell: "K\(rows.lowerBound)")],
            provenance: Provenance(file: "商务局.xlsx", sheet: "Sheet1", firstRow: rows.lowerBound, lastRow: rows.upperBound,
                                   cells: [.name: "B\(rows.lowerBound):B\(rows.upperBound)", .category: "C\(rows.lowerBound)"]))
    }
}

@Suite struct ItemExportTests {
    private func stored(_ item: RawItem) -> StoredItem {
        StoredItem(id: 1, revision: "2024", sourcePath: "收件/\(item.provenance.file)",
                   key: ItemKey(unit: item.unit.name, name: item.name, subItem: item.subItemName), item: item)
    }

    @Test func theCellRangeSpansEveryFieldsColumnOverTheItemsRows() {
        var provenance = Provenance(file: "a.xlsx", sheet: "Sheet1", firstRow: 3, lastRow: 5,
                                    cells: [.name: "Z3:Z5", .basis: "AA3", .serial: "B3:B5"])
        #expect(provenance.cellRange == "B3:AA5")
        provenance.cells = [:]
        #expect(provenance.cellRange == "3:5")
    }

    @Test func theTableHasOnlyUsedFieldsThenExtraColumnsThenProvenance() {
        var first = StoreFixtures.item("甲")
        first.extraFields = [ExtraField(header: "监督电话", value: "1", cell: "K4"), ExtraField(header: "监督电话", value: "2", cell: "L4")]
        var second = StoreFixtures.item("乙", rows: 5...6)
        second.extraFields = [ExtraField(header: "办理时限", value: "20日", cell: "M5")]
        let table = ItemTable([stored(first), stored(second)])
        #expect(table.headers == ["修订版", "单位", "层级", "序号", "事项名称", "权力类型", "监督电话", "办理时限",
                                  "来源文件", "来源工作表", "来源单元格"])
        #expect(table.rows[0] == ["2024", "克拉玛依市商务局", "县级", "1", "甲", "行政许可", "1\n2", "",
                                  "商务局.xlsx", "Sheet1", "B4:C4"])
        #expect(table.rows[1].suffix(4) == ["20日", "商务局.xlsx", "Sheet1", "B5:C6"])
    }

    @Test func csvQuotesOnlyWhatNeedsQuoting() {
        let table = ItemTable([stored(StoreFixtures.item("对\"违法\"行为，处罚\n并公示"))])
        let text = String(decoding: ItemExport.csv(table), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}修订版,"))
        #expect(text.contains(#",1,"对""违法""行为，处罚"# + "\n" + #"并公示",行政许可,"#))
        #expect(text.hasSuffix("\r\n"))
        #expect(text.components(separatedBy: "\r\n").count == 3)
    }

    @Test func jsonKeysAreStableAndSorted() throws {
        let data = try ItemExport.json([stored(StoreFixtures.item("甲"))], revision: "2024")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""source" : "收件/商务局.xlsx""#))
        #expect(try ItemExport.json([stored(StoreFixtures.item("甲"))], revision: "2024") == data)
        // Sorted keys: the document's "items" before "revision", each item's "extraFields" first.
        #expect(text.hasPrefix("{\n  \"items\" : [\n    {\n      \"extraFields\" : ["))
        #expect(text.hasSuffix("  \"revision\" : \"2024\"\n}\n"))
    }

    @Test func theRegionTheConfigNamesLeadsTheTableAndTheJSON() throws {
        let region = Region(name: "克拉玛依市", code: "650200", level: .city)
        let table = ItemTable([stored(StoreFixtures.item("甲"))], region: region)
        #expect(table.headers.prefix(4) == ["地区", "修订版", "单位", "层级"])
        #expect(table.rows[0].prefix(4) == ["克拉玛依市", "2024", "克拉玛依市商务局", "县级"])

        let json = try ItemExport.json([stored(StoreFixtures.item("甲"))], revision: "2024", region: region)
        let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect((document["region"] as? [String: String])?["name"] == "克拉玛依市")
        let item = try #require((document["items"] as? [[String: Any]])?.first)
        #expect((item["unit"] as? [String: String])?["level"] == "county")
        #expect(item["key"] as? String == "克拉玛依市商务局|甲|")
    }
}
