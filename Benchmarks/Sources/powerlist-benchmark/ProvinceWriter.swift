import Foundation

/// Writes one county's lists of one revision into its folder: an XLSX per department, the
/// rows of the .xls departments as `*.xls.csv` for `Benchmarks/csv_to_xls.py` to turn into
/// BIFF8, and the small offices together as one UTF-8 CSV that the script re-encodes as GB18030.
struct ProvinceWriter {
    let folder: URL
    let county: String
    let year: String
    private(set) var files: [DeliveryFormat: Int] = [:]
    private(set) var items = 0

    init(folder: URL, county: String, year: String) throws {
        self.folder = folder
        self.county = county
        self.year = year
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    mutating func write(_ lists: [DepartmentList]) throws {
        for list in lists where list.format != .csv {
            let unit = "\(county)\(list.department)"
            let title = "\(unit)权责清单（\(year)年）"
            switch list.format {
            case .xlsx: try writeXLSX(list.items, unit: unit, title: title)
            default: try writeCSV(list.items.map { ($0, unit) }, title: title, to: "\(unit).xls.csv")
            }
            files[list.format, default: 0] += 1
            items += list.items.count
        }
        let consolidated = lists.filter { $0.format == .csv }
        guard !consolidated.isEmpty else { return }
        let rows = consolidated.flatMap { list in list.items.map { ($0, "\(county)\(list.department)") } }
        try writeCSV(rows, title: "\(county)乡镇及其他单位权责清单汇总（\(year)年）", to: "\(county)汇总.csv")
        files[.csv, default: 0] += 1
        items += rows.count
    }

    private func writeXLSX(_ items: [GeneratedItem], unit: String, title: String) throws {
        let parts = FileManager.default.temporaryDirectory
            .appendingPathComponent("powerlist-province-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: parts) }
        let writer = try WorkbookPartsWriter(folder: parts)
        try writer.writeSheet(title: title, count: items.count) { Self.stamped(items[$0 - 1], serial: $0, unit: unit) }
        try writer.writeSharedStrings()
        try writer.writeFixedParts(sheetName: "权责清单")
        try writer.package(into: folder.appendingPathComponent("\(unit).xlsx"))
    }

    /// A title line, the header, then the rows; an item's later rows leave its merged columns empty.
    private func writeCSV(_ items: [(GeneratedItem, String)], title: String, to name: String) throws {
        let out = try XMLFileWriter(folder.appendingPathComponent(name))
        out.write(Self.csvLine([title]))
        out.write(Self.csvLine(PowerListGenerator.columns))
        for (index, (item, unit)) in items.enumerated() {
            for row in Self.stamped(item, serial: index + 1, unit: unit).rows {
                out.write(Self.csvLine(row.map { value in
                    switch value {
                    case .number(let number): "\(number)"
                    case .text(let text): text
                    case nil: ""
                    }
                }))
            }
        }
        try out.close()
    }

    /// The serial in the item's first row and the department as 行使主体 in every row.
    static func stamped(_ item: GeneratedItem, serial: Int, unit: String) -> GeneratedItem {
        var item = item
        item.rows[0][0] = .number(serial)
        for index in item.rows.indices { item.rows[index][5] = .text(unit) }
        return item
    }

    static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}
