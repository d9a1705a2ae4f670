import Foundation
import Testing
@testable import Sheets

@Suite("Cell addresses as Excel shows them")
struct CellAddressTests {
    @Test func columnLettersRoundTrip() {
        #expect(CellAddress.columnName(0) == "A")
        #expect(CellAddress.columnName(25) == "Z")
        #expect(CellAddress.columnName(26) == "AA")
        #expect(CellAddress.columnName(16_383) == "XFD")
        for column in [0, 1, 25, 26, 51, 52, 701, 702, 16_383] {
            let address = CellAddress(row: 9, column: column)
            #expect(CellAddress(address.description) == address)
        }
    }

    @Test func parsesReferencesAndRejectsNonsense() {
        #expect(CellAddress("D12") == CellAddress(row: 11, column: 3))
        #expect(CellAddress("$d$12") == CellAddress(row: 11, column: 3))
        #expect(CellAddress("12D") == nil)
        #expect(CellAddress("D0") == nil)
        #expect(CellAddress("D") == nil)
        #expect(CellAddress("") == nil)
        #expect(CellAddress("XFE1") == nil)
        #expect(CellAddress("A1048577") == nil)
    }

    @Test func rangesNormaliseTheirCorners() throws {
        let range = try #require(CellRange("C5:A3"))
        #expect(range.description == "A3:C5")
        #expect(range.rowCount == 3 && range.columnCount == 3)
        #expect(range.contains(CellAddress(row: 3, column: 1)))
        #expect(!range.contains(CellAddress(row: 5, column: 1)))
        #expect(CellRange("B2")?.description == "B2")
    }

    @Test func sheetReferencesQuoteNamesThatNeedIt() {
        let plain = Sheet(name: "Sheet1")
        #expect(plain.reference(CellAddress(row: 11, column: 3)) == "Sheet1!D12")
        let chinese = Sheet(name: "行政许可（3项）")
        #expect(chinese.reference(CellAddress(row: 0, column: 0)) == "'行政许可（3项）'!A1")
        #expect(Sheet.quotedName("权责清单") == "权责清单")
        #expect(Sheet.quotedName("it's") == "'it''s'")
    }
}

@Suite("Cell values shown as a person sees them")
struct CellValueTests {
    @Test func wholeNumbersLoseTheirDecimalPoint() {
        #expect(CellValue.number(1.0).text == "1")
        #expect(CellValue.number(-42).text == "-42")
        #expect(CellValue.number(650200207).text == "650200207")
    }

    @Test func fractionsKeepTheirDigitsWithoutBinaryNoise() {
        #expect(CellValue.number(0.5).text == "0.5")
        #expect(CellValue.number(0.1 + 0.2).text == "0.3")
        #expect(CellValue.number(3.14159).text == "3.14159")
    }

    @Test func otherKindsHaveTheirSpreadsheetText() {
        #expect(CellValue.bool(true).text == "TRUE")
        #expect(CellValue.error("#N/A").text == "#N/A")
        #expect(CellValue.date("2024-03-01").text == "2024-03-01")
        #expect(CellValue.text("对拒绝\n配合统").text == "对拒绝\n配合统")
    }
}

@Suite("A sheet as a sparse grid")
struct SheetGridTests {
    let sheet = Sheet(
        name: "Sheet1",
        rows: [
            Row(index: 0, cells: [Cell(row: 0, column: 0, value: .text("标题"))]),
            Row(index: 2, cells: [Cell(row: 2, column: 1, value: .number(1)),
                                  Cell(row: 2, column: 4, value: .text("行政许可"))]),
        ],
        mergedRanges: [CellRange("A1:F1")!]
    )

    @Test func looksUpCellsByAddress() {
        #expect(sheet[CellAddress("A1")!] == .text("标题"))
        #expect(sheet[CellAddress("E3")!] == .text("行政许可"))
        #expect(sheet[CellAddress("C3")!] == nil)
        #expect(sheet[CellAddress("A2")!] == nil)
        #expect(sheet[CellAddress("A9")!] == nil)
    }

    @Test func dimensionCoversCellsAndMergedRanges() {
        #expect(sheet.dimension?.description == "A1:F3")
        #expect(sheet.cellCount == 3)
        #expect(Sheet(name: "空").dimension == nil)
    }

    @Test func rowsWrittenOutOfOrderAreSortedMergedAndTheLaterCellWins() {
        func text(_ row: Int, _ column: Int, _ value: String) -> Cell { Cell(row: row, column: column, value: .text(value)) }
        let written = [
            Row(index: 3, cells: [text(3, 2, "丙"), text(3, 0, "旧")]),
            Row(index: 1, cells: [text(1, 0, "甲")]),
            Row(index: 3, isHidden: true, cells: [text(3, 0, "新"), text(3, 1, "乙")]),
        ]
        #expect(Row.inSheetOrder(written) == [
            Row(index: 1, cells: [text(1, 0, "甲")]),
            Row(index: 3, isHidden: true, cells: [text(3, 0, "新"), text(3, 1, "乙"), text(3, 2, "丙")]),
        ])
    }
}
