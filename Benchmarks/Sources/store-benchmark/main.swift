// Times the workspace database and the exports on a large fabricated revision:
//
//     swift run -c release store-benchmark [ITEMS]      (default 100000)
//
// Each item looks like a real one: 12 fields, a long legal basis, a cell per field and one
// extra column, spread over 200 units.
import Catalogue
import Foundation
import Publisher
import Sheets
import Store

let itemCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmark-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

let categories = ["行政许可", "行政处罚", "行政强制", "行政检查", "行政确认", "其他行政权力"]
let basis = "【法律】《中华人民共和国行政许可法》（2003年8月27日第十届全国人民代表大会常务委员会第四次会议通过）第十二条：下列事项可以设定行政许可……"
let rawItems = (0..<itemCount).map { index in
    let unit = AdminUnit(name: "第\(index % 200)局", level: .county)
    let row = 3 + index % 5_000 * 3
    let fields: FieldValues = [
        .serial: "\(index % 5_000 + 1)", .name: "对违反第\(index)号规定行为的处罚", .category: categories[index % categories.count],
        .basis: basis, .actor: unit.name, .handlingOrgan: "执法大队", .responsibilities: "1.立案责任 2.调查责任 3.决定责任",
        .responsibilityBasis: basis, .accountableParties: "承办人员", .accountabilityCases: "不履行或者不正确履行职责的",
        .target: "公民、法人和其他组织", .remarks: "无",
    ]
    var cells: FieldValues = [:]
    for (offset, field) in fields.keys.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() {
        cells[field] = "\(CellAddress.columnName(offset))\(row):\(CellAddress.columnName(offset))\(row + 2)"
    }
    return RawItem(unit: unit, fields: fields,
                     extraFields: [ExtraField(header: "监督电话", value: "0990-12345", cell: "M\(row)")],
                     provenance: Provenance(file: "第\(index % 200)局.xlsx", sheet: "Sheet1", firstRow: row, lastRow: row + 2, cells: cells))
}

// Clean items as the clean step gives them: the same values, a key, no category or citation.
let items = rawItems.map { raw in
    PowerItem(key: ItemKey(unit: raw.unit.name, name: raw.name, subItem: raw.subItemName), raw: raw,
              fields: raw.fields, category: nil, citations: [])
}

func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    let start = ContinuousClock.now
    let result = try body()
    let seconds = (ContinuousClock.now - start) / .seconds(1)
    print("\(label): \(String(format: "%.2f", seconds)) s")
    return result
}

print("\(itemCount) items")
let workspace = try Workspace.open(folder: folder)
let source = Source(path: "benchmark.xlsx", sha256: "benchmark", format: "xlsx", importedAt: Date())
_ = try time("import (one transaction)") {
    try workspace.importSource(source, revision: "2024") { SourceContents(items: items) }
}
_ = try time("import again (unchanged)") {
    try workspace.importSource(source, revision: "2024") { SourceContents(items: items) }
}
let stored = try time("fetch every item") { try workspace.items(matching: ItemFilter(revision: "2024")) }
_ = try time("count one category") { try workspace.itemCount(matching: ItemFilter(revision: "2024", category: "行政处罚")) }
let table = time("build export table") { ItemTable(stored) }
let csv = time("CSV") { ItemExport.csv(table) }
let json = try time("JSON") { try ItemExport.json(stored, revision: "2024") }
let xlsx = folder.appendingPathComponent("export.xlsx")
try time("XLSX") {
    let rows = ([table.headers] + table.rows).enumerated().map { index, values in
        Row(index: index, cells: values.enumerated().map { Cell(row: index, column: $0, value: .text($1)) })
    }
    try XLSXWriter().write([Sheet(name: "事项", rows: rows)], to: xlsx)
}
let database = try FileManager.default.attributesOfItem(atPath: workspace.databaseFile.path)[.size] as? Int ?? 0
let workbook = try FileManager.default.attributesOfItem(atPath: xlsx.path)[.size] as? Int ?? 0
print("sizes: database \(database / 1_048_576) MiB, CSV \(csv.count / 1_048_576) MiB, JSON \(json.count / 1_048_576) MiB, XLSX \(workbook / 1_048_576) MiB")
