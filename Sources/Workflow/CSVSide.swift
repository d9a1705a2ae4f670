import Catalogue
import Cleanup
import Foundation
import Importer
import Schemas
import Sheets

/// One side of a file-to-file diff given as a single CSV file of the simple shape — the
/// header on the first row, then one item per record, each with a serial, a name and a
/// 行使主体 of its own — split into records as bytes (`CSVRecords`).
///
/// In that shape no record takes anything from the rows above it (the importer starts an item
/// at every record with a serial and a name, and a CSV has no merged cells), and an item's
/// unit depends on the sheet only through the distinct 行使主体 in order of appearance, which
/// a sheet of one representative record per distinct 行使主体 and level reproduces (checked
/// in `units`). Any other shape returns nil, and the caller reads the file whole.
struct CSVSide: Sendable {
    let file: SourceFiles.File
    let records: CSVRecords
    let sheetName: String
    let header: CSVRecords.Record
    /// The data records (all but the header), in file order.
    let data: ArraySlice<CSVRecords.Record>
    /// The column of each field, as the importer maps the header.
    let columns: [ItemField: Int]

    init?(_ file: SourceFiles.File, importer: Importer, limits: ReadLimits) {
        let reader = CSVReader(file: file.url, limits: limits)
        guard (try? Workbook.sniffFormat(of: file.url)) == .csv, let records = try? reader.readRecords(),
              records.isWithinLimits, records.records.count >= 2, records.records[0].row == 0
        else { return nil }
        (self.file, self.records, sheetName) = (file, records, reader.sheetName)
        (header, data) = (records.records[0], records.records.dropFirst())
        guard let columns = Self.columns(records, sheetName: sheetName, file: file, importer: importer),
              columns[.serial] != nil, columns[.name] != nil, columns[.actor] != nil
        else { return nil }
        self.columns = columns
        let headerTexts = (text(.serial, of: header), text(.name, of: header))
        guard data.allSatisfy({ startsItem($0, header: headerTexts) }) else { return nil }
    }

    /// Whether `other`'s records mean what this side's mean: the same header, so the same
    /// bytes are the same fields (a record's bytes are compared, not its fields).
    func hasColumns(of other: CSVSide) -> Bool {
        columns == other.columns && records.text[header.bytes] == other.records.text[other.header.bytes]
    }

    /// The trimmed text of `field` in `record`, as the importer reads the cell.
    func text(_ field: ItemField, of record: CSVRecords.Record) -> String {
        guard let column = columns[field] else { return "" }
        return HeaderText.trimmed(records.text(column, of: record))
    }

    /// Whether `field` of `record` has text once trimmed, as `text(_:of:)` gives it: a byte of
    /// printable ASCII but `"`, or the lead byte of a CJK ideograph (U+4000–U+9FFF), settles it
    /// without making the text.
    func hasText(_ field: ItemField, in record: CSVRecords.Record) -> Bool {
        guard let column = columns[field] else { return false }
        let range = records.field(column, of: record)
        let shown = records.text.withUnsafeBytes { text in
            text[range].contains { byte in (0x21...0x7E).contains(byte) && byte != 0x22 || (0xE4...0xE9).contains(byte) }
        }
        return shown || !text(field, of: record).isEmpty
    }

    /// Whether the importer starts an item of its own at `record`: a serial and a name (not the
    /// header's again) and a 行使主体.
    /// Its texts are made only where the bytes leave it open: for 200,000 records, three
    /// strings each were a tenth of reading a file.
    private func startsItem(_ record: CSVRecords.Record, header: (serial: String, name: String)) -> Bool {
        guard hasText(.serial, in: record), hasText(.name, in: record), hasText(.actor, in: record) else { return false }
        guard mayRead(header.serial, .serial, record), mayRead(header.name, .name, record) else { return true }
        return text(.serial, of: record) != header.serial || text(.name, of: record) != header.name
    }

    /// Whether `field` of `record` may read `expected`: false only when its bytes do not hold
    /// the text's (a text with a quote is doubled inside a quoted field: always open).
    private func mayRead(_ expected: String, _ field: ItemField, _ record: CSVRecords.Record) -> Bool {
        guard let column = columns[field], !expected.isEmpty, !expected.utf8.contains(UInt8(ascii: "\"")) else { return true }
        let range = records.field(column, of: record)
        var expected = expected
        return expected.withUTF8 { expected in
            records.text.withUnsafeBytes { text in
                let field = UnsafeRawBufferPointer(rebasing: text[range])
                guard field.count >= expected.count else { return false }
                return (0...(field.count - expected.count)).contains { start in
                    memcmp(field.baseAddress! + start, expected.baseAddress!, expected.count) == 0
                }
            }
        }
    }

    /// The importer's column of each field: the header, the first data record (so the header
    /// is found as in the whole file) and a record with a value in every column, imported.
    private static func columns(_ records: CSVRecords, sheetName: String, file: SourceFiles.File,
                                importer: Importer) -> [ItemField: Int]? {
        let (header, first) = (records.records[0], records.records[1])
        var sheet = records.sheet(named: sheetName, keeping: [header, first])
        let probeRow = first.row + 1
        let width = max(sheet.rows[0].cells.last.map { $0.address.column + 1 } ?? 0, 1)
        sheet.rows.append(Row(index: probeRow, cells: (0..<width).map { Cell(row: probeRow, column: $0, value: .text("x")) }))
        let items = importer.importWorkbook(Workbook(file: file.url, format: .csv, sheets: [sheet]),
                                            displayName: file.displayName).items
        guard items.count == 2, items[0].provenance.firstRow == first.row + 1,
              items[1].provenance.firstRow == probeRow + 1 else { return nil }
        return Dictionary(uniqueKeysWithValues: items[1].provenance.cells.compactMap { field, cell in
            CellRange(cell).map { (field, $0.first.column) }
        })
    }

    /// A sheet of the header and `kept`, imported: one raw item per record, by record.
    /// - Returns: nil when the importer did not make exactly one item of each record.
    func imported(_ kept: [CSVRecords.Record], importer: Importer) -> [RawItem]? {
        let sheet = records.sheet(named: sheetName, keeping: [header] + kept)
        let items = importer.importWorkbook(Workbook(file: file.url, format: .csv, sheets: [sheet]),
                                            displayName: file.displayName).items
        guard items.count == kept.count,
              zip(items, kept).allSatisfy({ $0.provenance.firstRow == $1.row + 1 }) else { return nil }
        return items
    }

    /// The raw item of a record the importer did not read, for `Cleaner.named` alone: its
    /// unit and the fields naming reads, as the importer would give them.
    func named(_ record: CSVRecords.Record, unit: AdminUnit) -> RawItem {
        var fields = FieldValues()
        for (field, column) in columns where Cleaner.namedFields.contains(field) {
            let value = HeaderText.trimmed(records.text(column, of: record))
            if !value.isEmpty { fields[field] = value }
        }
        return RawItem(unit: unit, fields: fields, provenance: Provenance(
            file: file.displayName, sheet: sheetName, firstRow: record.row + 1, lastRow: record.row + 1))
    }

    /// Each data record's unit number — records with the same 行使主体 and level texts
    /// (`unitKey`) share one — and the first data index of each number, in file order. Records
    /// whose two fields are the same bytes are numbered together without making their texts
    /// (a list repeats a few hundred units over 200,000 records, and making two strings of each
    /// was a fifth of importing a diff's side); other bytes go by their texts.
    func unitNumbers() -> (numbers: [Int], firsts: [Int]) {
        let fields = [columns[.actor], columns[.levelAndAuthority]].compactMap { $0 }
        var byText: [UTF8Key: Int] = [:]
        var byBytes: [Int: (record: CSVRecords.Record, number: Int)] = [:]
        var firsts: [Int] = []
        let numbers = records.text.withUnsafeBytes { text in
            func bytes(_ record: CSVRecords.Record) -> [UnsafeRawBufferPointer] {
                fields.map { UnsafeRawBufferPointer(rebasing: text[records.field($0, of: record)]) }
            }
            return data.indices.map { position in
                let record = data[position]
                let own = bytes(record)
                var hasher = Hasher()
                for field in own {
                    hasher.combine(field.count)
                    hasher.combine(bytes: field)
                }
                let hash = hasher.finalize()
                if let known = byBytes[hash], zip(bytes(known.record), own).allSatisfy({ $0.elementsEqual($1) }) {
                    return known.number
                }
                let key = UTF8Key(unitKey(record))
                let number = byText[key] ?? firsts.count
                if number == firsts.count {
                    byText[key] = number
                    firsts.append(position - data.startIndex)
                }
                if byBytes[hash] == nil { byBytes[hash] = (record, number) }
                return number
            }
        }
        return (numbers, firsts)
    }

    /// The 行使主体 and level texts of a record, which alone decide its unit in this shape.
    func unitKey(_ record: CSVRecords.Record) -> String {
        text(.actor, of: record) + "\u{0}" + text(.levelAndAuthority, of: record)
    }

    /// The bytes of a record but its serial: a renumbered record is the same record.
    func withoutSerial(_ record: CSVRecords.Record) -> (Range<Int>, Range<Int>) {
        let serial = records.field(columns[.serial]!, of: record)
        return (record.bytes.lowerBound..<serial.lowerBound, serial.upperBound..<record.bytes.upperBound)
    }
}
