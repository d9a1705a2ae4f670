import Catalogue
import Foundation
import Sheets
import Store

/// Stored items as CSV, JSON and XLSX files.
public enum ItemExport {
    /// UTF-8 with a byte-order mark (so Excel opens Chinese text correctly), CRLF line ends
    /// and RFC 4180 quoting: a field holding a comma, quote or line break is quoted, quotes doubled.
    /// A field that would start a formula is written as text (`CSVText.inert`).
    public static func csv(_ table: ItemTable) -> Data {
        var bytes: [UInt8] = []
        try! writeCSV(table) { bytes += $0 }
        return Data(bytes)
    }

    /// The same CSV written to `file` a megabyte at a time, never whole in memory.
    public static func writeCSV(_ table: ItemTable, to file: URL) throws {
        try ExportFile.write(to: file) { sink in try writeCSV(table, sink: sink) }
    }

    /// The CSV of `ItemTable(items, region:)`, each row made as it is written: the table is never built.
    public static func writeCSV(_ items: [StoredPowerItem], region: Region?, to file: URL) throws {
        let rows = CleanRows(items, region: region)
        try ExportFile.write(to: file) { sink in try writeCSV(sink: sink) { row in try rows.forEach { try row($1) } } }
    }

    private static func writeCSV(_ table: ItemTable, sink: @escaping ([UInt8]) throws -> Void) throws {
        try writeCSV(sink: sink) { row in
            for values in CollectionOfOne(table.headers) + table.rows { try row(values) }
        }
    }

    /// The rows `forEachRow` gives, header first, a megabyte at a time into `sink`.
    private static func writeCSV(sink: @escaping ([UInt8]) throws -> Void,
                                 forEachRow: (([String]) throws -> Void) throws -> Void) throws {
        var bytes = Array("\u{FEFF}".utf8)
        try forEachRow { row in
            for (column, value) in row.enumerated() {
                if column > 0 { bytes.append(UInt8(ascii: ",")) }
                appendCSVField(value, to: &bytes)
            }
            bytes += [0x0D, 0x0A]
            if bytes.count >= 1 << 20 {
                try sink(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        try sink(bytes)
    }

    /// Comma, quote, line feed, carriage return.
    private static func isCSVSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2C, 0x22, 0x0A, 0x0D: true
        default: false
        }
    }

    /// The field as CSV bytes: inert (never a live formula in Excel or WPS), quoted with its
    /// quotes doubled when it holds a comma, quote or line break.
    private static func appendCSVField(_ value: String, to bytes: inout [UInt8]) {
        var value = CSVText.inert(value)
        value.withUTF8 { field in
            guard field.contains(where: isCSVSpecial) else {
                bytes.append(contentsOf: field)
                return
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in field {
                bytes.append(byte)
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// The table as a sheet: all values as text, so codes like `650200207XK01600` and serials
    /// like `001` stay exactly as written.
    public static func sheet(_ table: ItemTable, name: String) -> Sheet {
        Sheet(name: name, rows: ([table.headers] + table.rows).enumerated().map(sheetRow))
    }

    /// `sheet(ItemTable(items, region:), name:)` written to `file` without building the table
    /// or the sheet: the writer walks the rows twice, each made as it is needed.
    public static func writeXLSX(_ items: [StoredPowerItem], region: Region?, sheetName: String,
                                 to file: URL) throws(XLSXWriterError) {
        let rows = CleanRows(items, region: region)
        let source = SheetSource(name: sheetName) { body in try rows.forEach { try body(sheetRow($0, $1)) } }
        try XLSXWriter().write([source], to: file)
    }

    private static func sheetRow(_ index: Int, _ values: [String]) -> Row {
        Row(index: index, cells: values.enumerated().compactMap { column, value in
            value.isEmpty ? nil : Cell(row: index, column: column, value: .text(value))
        })
    }

    /// Pretty-printed JSON with sorted, stable English keys (`ItemField` raw values, level keys):
    /// `{"region": {…}, "revision": …, "items": [{"key": …, "unit": …, "fields": {…}, "extraFields": […],
    /// "provenance": {…}}]}` (`region` only when the workspace config names one).
    public static func json(_ items: [StoredItem], revision: String, region: Region? = nil) throws -> Data {
        var bytes: [UInt8] = []
        var writer = ItemJSONWriter { bytes += $0 }
        try writer.write(count: items.count, item: { (items[$0], nil) }, revision: revision, region: region)
        return Data(bytes)
    }

    /// The same, each item with its `clean` member: clean fields, category and citations.
    public static func json(_ items: [StoredPowerItem], revision: String, region: Region? = nil) throws -> Data {
        var bytes: [UInt8] = []
        try writeJSON(items, revision: revision, region: region) { bytes += $0 }
        return Data(bytes)
    }

    /// The same JSON written to `file` a megabyte at a time, never whole in memory.
    public static func writeJSON(_ items: [StoredPowerItem], revision: String, region: Region? = nil, to file: URL) throws {
        try ExportFile.write(to: file) { sink in try writeJSON(items, revision: revision, region: region, sink: sink) }
    }

    private static func writeJSON(_ items: [StoredPowerItem], revision: String, region: Region?,
                                  sink: @escaping ([UInt8]) throws -> Void) throws {
        var writer = ItemJSONWriter(sink: sink)
        try writer.write(count: items.count, item: { (items[$0].storedItem, items[$0].item) }, revision: revision, region: region)
    }

    /// What `JSONEncoder` made of the document before `ItemJSONWriter`: kept as the
    /// specification the writer is tested against, byte for byte.
    static func encodedJSON(_ items: [StoredPowerItem], revision: String, region: Region? = nil) throws -> Data {
        try json(JSONDocument(region: region, revision: revision, items: items.map { stored in
            JSONItem(stored.storedItem, clean: CleanExport.JSONClean(stored.item))
        }))
    }

    /// The same for raw items.
    static func encodedJSON(_ items: [StoredItem], revision: String, region: Region? = nil) throws -> Data {
        try json(JSONDocument(region: region, revision: revision, items: items.map { JSONItem($0) }))
    }

    private static func json(_ document: JSONDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document) + Data("\n".utf8)
    }

    private struct JSONDocument: Encodable {
        var region: Region?
        var revision: String
        var items: [JSONItem]
    }

    private struct JSONItem: Encodable {
        struct Unit: Encodable { var name: String, level: String }
        struct Origin: Encodable {
            var source: String, file: String, sheet: String, firstRow: Int, lastRow: Int
            var range: String, cells: [String: String]
        }
        var key: String
        var unit: Unit
        var fields: [String: String]
        var extraFields: [ExtraField]
        var provenance: Origin
        /// Absent for raw-only exports (the key is left out, not null).
        var clean: CleanExport.JSONClean?

        init(_ stored: StoredItem, clean: CleanExport.JSONClean? = nil) {
            self.clean = clean
            let item = stored.item
            key = stored.key.rawValue
            unit = Unit(name: item.unit.name, level: item.unit.level.rawValue)
            fields = Dictionary(uniqueKeysWithValues: item.fields.map { ($0.key.rawValue, $0.value) })
            extraFields = item.extraFields
            let origin = item.provenance
            provenance = Origin(source: stored.sourcePath, file: origin.file, sheet: origin.sheet,
                                firstRow: origin.firstRow, lastRow: origin.lastRow, range: origin.cellRange,
                                cells: Dictionary(uniqueKeysWithValues: origin.cells.map { ($0.key.rawValue, $0.value) }))
        }
    }
}
