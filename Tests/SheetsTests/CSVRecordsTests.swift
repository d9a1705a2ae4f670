import Foundation
import Sheets
import Testing

/// `CSVRecords` splits a file into records as bytes by the reader's own rules: kept whole, its
/// records make the sheet `readDocument` makes, and a record's field is the reader's cell.
@Suite("CSV records as byte ranges")
struct CSVRecordsTests {
    let scratch: ScratchFolder
    init() throws { scratch = try ScratchFolder() }

    /// Quotes, `""`, separators and line breaks inside quotes, text after a closing quote, CRLF,
    /// a lone CR, blank records, a row of empty fields, a row ending in a separator, no final break.
    static let tricky = "序号,事项名称,实施依据\r\n1,\"许可,\"\"甲\"\"\",\"第一条\r\n第二条\"\r\n\r\n,,\r2,乙\"x\"y,\"a\"b\n3,,\n4,\"\",丙"

    private func records(_ text: String) throws -> (CSVRecords, Sheet, String) {
        let reader = CSVReader(file: try scratch.write(text))
        return (try reader.readRecords(), try reader.readDocument().workbook.sheets[0], reader.sheetName)
    }

    @Test func allRecordsKeptMakeTheReadersSheet() throws {
        let (records, sheet, name) = try records(Self.tricky)
        #expect(records.isWithinLimits)
        #expect(records.sheet(named: name, keeping: records.records) == sheet)
        #expect(records.records.map(\.row) == sheet.rows.map(\.index))
    }

    @Test func aRecordsFieldIsTheReadersCell() throws {
        let (records, sheet, _) = try records(Self.tricky)
        for (record, row) in zip(records.records, sheet.rows) {
            for cell in row.cells {
                #expect(records.text(cell.address.column, of: record) == cell.value.text)
            }
        }
    }

    @Test func recordsLeftOutLeaveTheOthersAtTheirRows() throws {
        let (records, sheet, name) = try records(Self.tricky)
        let kept = [records.records[0], records.records[2]]
        #expect(records.sheet(named: name, keeping: kept).rows == [sheet.rows[0], sheet.rows[2]])
    }
}
