@testable import Importer
@testable import Schemas
import Sheets
import Testing

@Suite("Cell references and column values while grouping")
struct CellReferenceTests {
    @Test("References are written exactly as Excel shows them (as `description` does)",
          arguments: [(0, 0), (11, 3), (0, 25), (0, 26), (99, 51), (9, 701), (1_048_575, 702), (1_048_575, 16_383), (123_456_789, 18_277)])
    func referencesMatchDescription(row: Int, column: Int) {
        let address = CellAddress(row: row, column: column)
        #expect(address.reference == address.description)
        let range = CellRange(first: CellAddress(row: 0, column: 0), last: address)
        #expect(range.reference == range.description)
    }

    @Test("Familiar references: a cell, a merged range, column letters past Z")
    func familiarReferences() throws {
        #expect(CellAddress(row: 11, column: 3).reference == "D12")
        #expect(try #require(CellRange("D12:D14")).reference == "D12:D14")
        #expect(try #require(CellRange("AA1:XFD1048576")).reference == "AA1:XFD1048576")
        #expect(try #require(CellRange("B7")).reference == "B7")
    }

    @Test("Text continued in a column joins its cells into one range")
    func joinedRanges() throws {
        let merged = try #require(CellRange("E2:E4"))
        #expect(merged.joined(with: try #require(CellRange("E6"))).reference == "E2:E6")
        #expect(try #require(CellRange("E6")).joined(with: merged).reference == "E2:E6")
        #expect(try #require(CellRange("Q3")).joined(with: try #require(CellRange("T3:T4"))).reference == "Q3:T4")
    }

    @Test("Column values stay in column order whatever order they are set in, and can be removed")
    func columnValuesInOrder() throws {
        let cell = try #require(CellRange("A1"))
        var values = ColumnValues()
        for column in [5, 1, 3, 9, 0] { values[column] = CellText(text: "\(column)", cells: cell) }
        values[3] = CellText(text: "three", cells: cell)
        values[9] = nil
        values[7] = nil

        #expect(values.entries.map(\.column) == [0, 1, 3, 5])
        #expect(values[3]?.text == "three")
        #expect(values[9] == nil && values[4] == nil)
        #expect(values.first?.text == "0" && values.count == 4)
    }
}
