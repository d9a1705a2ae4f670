import Catalogue
import Foundation
import Testing
@testable import Publisher
import Store

/// The hand-written JSON export must be the bytes `JSONEncoder` gave before it, for every
/// shape an item can take: every field, extra columns, text that needs escaping, empty lists,
/// each registry verdict, a category with and without a code, with and without a region.
@Suite struct ItemJSONWriterTests {
    private static func reference(_ article: Int) -> RegistryReference {
        RegistryReference(key: "统计法", title: "中华人民共和国统计法", rank: .law, versionDate: article.isMultiple(of: 2) ? "2009-06-27" : nil)
    }

    private static let citations: [Citation] = [
        Citation(text: "《统计法》第三十七条", rankTag: "法律", taggedRank: .law, title: "统计法", note: "2009年修订",
                 articles: [ArticleReference(article: 37, paragraph: 1, item: 3), ArticleReference(article: 120, suffix: 1)],
                 quotedText: "“统计机构\"和\"统计人员”\n依法", resolution: .inForce(reference(2)), cell: "F12:F14"),
        Citation(text: "旧条例", resolution: .superseded(reference(1), current: "2020-01-01")),
        Citation(text: "已废止办法", title: "某办法", resolution: .repealed(reference(2), successor: "新办法")),
        Citation(text: "已废止规定", resolution: .repealed(reference(3), successor: nil)),
        Citation(text: "地方文件\t\\", resolution: .notInRegistry),
        Citation(text: "会议纪要", resolution: .notALegalInstrument),
        Citation(text: "无法识别 </script>"),
    ]

    /// Every known field set, so that their sorted order is checked; text with quotes, a
    /// backslash, control characters and a slash.
    private static func richItem(_ name: String) -> StoredPowerItem {
        var fields = FieldValues(ItemField.allCases.map { ($0, "\($0.label)：\"引号\" \\ a/b\u{1}") })
        fields[.name] = name
        let raw = RawItem(unit: AdminUnit(name: "某县\"统计局\"", level: .township), fields: fields,
                          extraFields: [ExtraField(header: "监督\n电话", value: "0990", cell: "K4"), ExtraField(header: "x", value: "", cell: "L4")],
                          provenance: Provenance(file: "a/b.xlsx", sheet: "Sheet 1", firstRow: 4, lastRow: 9,
                                                 cells: FieldValues(ItemField.allCases.map { ($0, "B4") })))
        var clean = fields
        clean[.category] = "行政许可"
        let item = PowerItem(key: ItemKey(unit: raw.unit.name, name: name, subItem: nil), raw: raw, fields: clean,
                             category: CategoryRef(name: "行政许可", code: "XK"), citations: citations)
        return StoredPowerItem(id: 7, revision: "2024", sourcePath: "收件/a.xlsx", item: item)
    }

    /// Nothing but a name: empty extras, cells and citations, no category.
    private static func bareItem() -> StoredPowerItem {
        let raw = RawItem(unit: AdminUnit(name: "某局", level: .county), fields: [.name: "空"],
                          provenance: Provenance(file: "c.csv", sheet: "c", firstRow: 1, lastRow: 1, cells: [:]))
        let item = PowerItem(key: ItemKey(unit: "某局", name: "空", subItem: nil), raw: raw, fields: [:], category: nil, citations: [])
        return StoredPowerItem(id: 8, revision: "2024", sourcePath: "c.csv", item: item)
    }

    private static let regions: [Region?] = [nil, Region(name: "克拉玛依市"), Region(name: "某市", code: "650200"),
                                             Region(name: "某县", level: .county), Region(name: "某区", code: "1", level: .city)]

    @Test("The clean JSON is JSONEncoder's, byte for byte", arguments: 0..<5)
    func cleanJSONMatchesTheEncoder(region: Int) throws {
        let region = Self.regions[region]
        let items = [Self.richItem("甲"), Self.bareItem(), Self.richItem("乙/丙")]
        let written = try ItemExport.json(items, revision: "2024\"b", region: region)
        let encoded = try ItemExport.encodedJSON(items, revision: "2024\"b", region: region)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
    }

    @Test func rawJSONMatchesTheEncoder() throws {
        let items = [Self.richItem("甲"), Self.bareItem()].map(\.storedItem)
        #expect(try ItemExport.json(items, revision: "2024") == ItemExport.encodedJSON(items, revision: "2024"))
    }

    @Test func anEmptyListIsTheEncodersToo() throws {
        #expect(try ItemExport.json([StoredPowerItem](), revision: "2024") == ItemExport.encodedJSON([StoredPowerItem](), revision: "2024"))
    }

    @Test func theFileIsTheSameBytes() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("items-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let items = (0..<3_000).map { Self.richItem("事项\($0)") }
        try ItemExport.writeJSON(items, revision: "2024", to: file)
        #expect(try Data(contentsOf: file) == ItemExport.encodedJSON(items, revision: "2024"))
    }
}

@Suite struct ItemCSVFileTests {
    @Test func theCSVFileIsTheBytesOfTheCSV() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("items-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        // Enough rows to be written in several pieces.
        let items = (0..<20_000).map { number in
            StoredItem(id: Int64(number), revision: "2024", sourcePath: "a.xlsx", key: ItemKey(unit: "某局", name: "事项\(number)", subItem: nil),
                       item: StoreFixtures.item("事项\"\(number)\"，处罚"))
        }
        let table = ItemTable(items)
        try ItemExport.writeCSV(table, to: file)
        let data = try Data(contentsOf: file)
        #expect(data == ItemExport.csv(table))
        #expect(data.count > 1 << 20)
    }
}
