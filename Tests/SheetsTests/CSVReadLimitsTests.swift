import Foundation
import Testing
@testable import Sheets

@Suite("Read limits: hostile CSV")
struct CSVReadLimitsTests {
    let scratch: ScratchFolder

    init() throws { scratch = try ScratchFolder("csv-limits") }

    private func refusal(_ text: String, _ limits: ReadLimits) throws -> (ReadLimitViolation, SheetsError)? {
        let file = try scratch.write(text)
        do {
            _ = try CSVReader(file: file, limits: limits).readDocument()
            return nil
        } catch {
            guard case .limitExceeded(let violation) = error.reason else { return nil }
            return (violation, error)
        }
    }

    @Test func rowsPastTheLimitAreRefusedAtTheirRecord() throws {
        let text = String(repeating: "a,b\n", count: 11)
        let (violation, error) = try #require(try refusal(text, ReadLimits(maxRows: 10)))
        #expect(violation == .rows(limit: 10))
        #expect(error.cell == CellAddress(row: 10, column: 0))
        #expect(error.sheet == "清单")
        #expect(error.description.contains("清单.csv"))
        #expect(try refusal(text, ReadLimits(maxRows: 11)) == nil)
    }

    @Test func blankRecordsPastTheLimitCostNothingAndAreNotRefused() throws {
        #expect(try refusal("a\n" + String(repeating: "\n", count: 20), ReadLimits(maxRows: 10)) == nil)
    }

    @Test func columnsPastTheLimitAreRefused() throws {
        let text = (1...11).map(String.init).joined(separator: ",")
        #expect(try refusal(text, ReadLimits(maxColumns: 10))?.0 == .columns(limit: 10))
        #expect(try refusal(text, ReadLimits(maxColumns: 11)) == nil)
    }

    @Test func aLongFieldIsRefusedCountingCharactersNotBytes() throws {
        let chinese = String(repeating: "权", count: 10)  // 30 bytes, 10 characters
        #expect(try refusal("a," + chinese, ReadLimits(maxCellCharacters: 10)) == nil)
        #expect(try refusal("a,\"" + chinese + "x\"", ReadLimits(maxCellCharacters: 10))?.0 == .cellCharacters(limit: 10))
        let (violation, error) = try #require(try refusal(String(repeating: "x", count: 1_000), ReadLimits(maxCellCharacters: 10)))
        #expect(violation == .cellCharacters(limit: 10))
        #expect(error.description.contains("--max-cell-chars"))
    }

    @Test func cellsPastTheLimitAreRefused() throws {
        #expect(try refusal("a,b\nc,d\ne", ReadLimits(maxCells: 4))?.0 == .cells(limit: 4))
        #expect(try refusal("a,b\nc,d", ReadLimits(maxCells: 4)) == nil)
    }
}
