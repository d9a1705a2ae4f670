import Catalogue
import Foundation
import Sheets
import Testing
import Publisher
import Store

/// The site's CSV and XLSX downloads are written a row at a time, without the table: they must
/// be the very bytes of the table's export, whatever columns the items have.
@Suite struct StreamedDownloadTests {
    /// Items that differ in their fields, their extra columns (one header twice in an item, one
    /// only in the second) and their clean view, with text that CSV must quote.
    private static func items() -> [StoredPowerItem] {
        var first = StoreFixtures.item("对\"违法\"行为，处罚\n并公示")
        first.extraFields.append(ExtraField(header: "监督电话", value: "0990-1", cell: "L4"))
        var second = StoreFixtures.item("=SUM(A1)", category: "行政处罚", rows: 5...6)
        second.fields[.basis] = "《统计法》第三十七条"
        second.extraFields = [ExtraField(header: "办理时限", value: "20日", cell: "M5")]
        let citation = Citation(text: "《统计法》第三十七条", title: "统计法", articles: [ArticleReference(article: 37)])
        return [first, second].enumerated().map { index, raw in
            let key = ItemKey(unit: raw.unit.name, name: raw.name, subItem: nil)
            let clean = PowerItem(key: key, raw: raw, fields: raw.fields, category: index == 0 ? CategoryRef(name: "行政许可", code: "XK") : nil,
                                  citations: index == 0 ? [] : [citation])
            return StoredPowerItem(id: Int64(index), revision: "2024", sourcePath: "收件/\(raw.provenance.file)", item: clean)
        }
    }

    private static func temporaryFile(_ ext: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("download-\(UUID().uuidString).\(ext)")
    }

    @Test(arguments: [nil, Region(name: "克拉玛依市")])
    func theCSVIsTheTablesCSV(region: Region?) throws {
        let file = Self.temporaryFile("csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try ItemExport.writeCSV(Self.items(), region: region, to: file)
        #expect(try Data(contentsOf: file) == ItemExport.csv(ItemTable(Self.items(), region: region)))
    }

    @Test(arguments: [nil, Region(name: "克拉玛依市")])
    func theXLSXIsTheTablesSheet(region: Region?) throws {
        let streamed = Self.temporaryFile("xlsx"), whole = Self.temporaryFile("xlsx")
        defer { for file in [streamed, whole] { try? FileManager.default.removeItem(at: file) } }
        try ItemExport.writeXLSX(Self.items(), region: region, sheetName: "事项（2024）", to: streamed)
        try XLSXWriter().write([ItemExport.sheet(ItemTable(Self.items(), region: region), name: "事项（2024）")], to: whole)
        #expect(try Data(contentsOf: streamed) == Data(contentsOf: whole))
    }
}
