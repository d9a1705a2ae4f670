import Catalogue
import Foundation
import Store

/// A temporary workspace filled through the Store API (no spreadsheet reader needed), for the
/// `items` and `export` tests.
enum SeededWorkspace {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("powerlist-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let commerce = AdminUnit(name: "克拉玛依市商务局", level: .county)
    static let township = AdminUnit(name: "乌尔禾镇人民政府", level: .township)

    /// Revision 2024: three items of 商务局.xlsx (one with a sub-item and an extra column)
    /// and one of 乌尔禾镇.xlsx. Returns the workspace folder.
    static func make() throws -> URL {
        let folder = try temporaryFolder()
        let workspace = try Workspace.open(folder: folder)
        let commerceItems = [
            item(serial: "1", name: "对外贸易经营者备案登记", category: "行政\n确认", rows: 4...4),
            RawItem(unit: commerce,
                      fields: [.serial: "2", .name: "对违法行为的处罚", .subItemName: "对未按规定报送的处罚",
                               .category: "行政处罚", .basis: "【法律】《中华人民共和国对外贸易法》第六十一条，\"情节严重\"的"],
                      extraFields: [ExtraField(header: "监督电话", value: "0990-6888888", cell: "Q5")],
                      provenance: Provenance(file: "商务局.xlsx", sheet: "权责清单", firstRow: 5, lastRow: 7,
                                             cells: [.serial: "A5:A7", .name: "B5:B7", .basis: "F5"])),
            item(serial: "3", name: "单用途商业预付卡检查", category: "行政检查", rows: 8...8),
        ]
        _ = try workspace.importSource(Source(path: "商务局.xlsx", sha256: "a", format: "xlsx", importedAt: Date()),
                                       revision: "2024") {
            SourceContents(items: commerceItems.map(clean), units: [commerce])
        }
        let village = RawItem(unit: township, fields: [.serial: "1", .name: "农村宅基地审批", .category: "行政许可"],
                                provenance: Provenance(file: "乌尔禾镇.xlsx", sheet: "Sheet1", firstRow: 3, lastRow: 3,
                                                       cells: [.name: "C3"]))
        _ = try workspace.importSource(Source(path: "乌尔禾镇.xlsx", sha256: "b", format: "xlsx", importedAt: Date()),
                                       revision: "2024") {
            SourceContents(items: [clean(village)], units: [township])
        }
        return folder
    }

    /// The item as the clean step gives it: the same values and its key.
    private static func clean(_ raw: RawItem) -> PowerItem {
        PowerItem(key: ItemKey(unit: raw.unit.name, name: raw.name, subItem: raw.subItemName), raw: raw,
                  fields: raw.fields, category: nil, citations: [])
    }

    private static func item(serial: String, name: String, category: String, rows: ClosedRange<Int>) -> RawItem {
        RawItem(unit: commerce, fields: [.serial: serial, .name: name, .category: category],
                  provenance: Provenance(file: "商务局.xlsx", sheet: "权责清单", firstRow: rows.lowerBound,
                                         lastRow: rows.upperBound, cells: [.name: "B\(rows.lowerBound)"]))
    }
}
