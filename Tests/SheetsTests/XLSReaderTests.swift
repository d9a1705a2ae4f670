import Foundation
import Testing
@testable import Sheets

@Suite("XLS reader: BIFF8 records")
struct XLSReaderTests {
    @Test func readsTextNumbersBooleansAndErrorsOfEveryCellRecord() throws {
        let workbook = XLSTestWorkbook(
            globals: [BIFF.sharedStrings(["序号", "行政许可"])],
            sheets: [.init(name: "清单", records: [
                BIFF.labelSST(0, 0, 0),
                BIFF.labelSST(0, 1, 1),
                BIFF.number(1, 0, 2.5),
                BIFF.rk(1, 1, raw: 42 << 2 | 0x02),  // integer 42
                BIFF.rk(1, 2, raw: 1234 << 2 | 0x03),  // integer 1234 / 100
                BIFF.mulRK(2, firstColumn: 1, [7 << 2 | 0x02, 8 << 2 | 0x02, 9 << 2 | 0x02]),
                BIFF.label(3, 0, "子项\n名称"),
                BIFF.boolErr(3, 1, value: 1, isError: false),
                BIFF.boolErr(3, 2, value: 0x2A, isError: true),
                BIFF.blank(3, 3),
            ])])
        let sheet = try #require(try workbook.read().first)
        #expect(sheet.name == "清单")
        #expect(sheet[CellAddress("A1")!] == .text("序号"))
        #expect(sheet[CellAddress("B1")!] == .text("行政许可"))
        #expect(sheet[CellAddress("A2")!] == .number(2.5))
        #expect(sheet[CellAddress("B2")!] == .number(42))
        #expect(sheet[CellAddress("C2")!] == .number(12.34))
        #expect(sheet.rows[2].cells.map(\.value) == [.number(7), .number(8), .number(9)])
        #expect(sheet[CellAddress("A4")!] == .text("子项\n名称"))
        #expect(sheet[CellAddress("B4")!] == .bool(true))
        #expect(sheet[CellAddress("C4")!] == .error("#N/A"))
        #expect(sheet[CellAddress("D4")!] == nil, "BLANK cells are empty")
        #expect(sheet.cellCount == 11)
    }

    @Test func rkNumbersMayBeTruncatedDoubles() {
        let double = 3.5.bitPattern
        #expect(BIFFValue.rk(Int(UInt32(double >> 32))) == 3.5)
        #expect(BIFFValue.rk(Int(UInt32(bitPattern: -5 << 2 | 0x02))) == -5)
    }

    @Test func formulaCellsKeepTheirCachedResults() throws {
        let workbook = XLSTestWorkbook(sheets: [.init(name: "Sheet1", records: [
            BIFF.formula(0, 0, result: BIFF.f64(6)),
            BIFF.formulaText(0, 1),
            BIFF.record(0x04BC, [0, 0, 0, 0]),  // a SHRFMLA may stand between FORMULA and STRING
            BIFF.string("已取消"),
            BIFF.formula(0, 2, result: [1, 0, 1, 0, 0, 0, 0xFF, 0xFF]),  // TRUE
            BIFF.formula(0, 3, result: [2, 0, 0x07, 0, 0, 0, 0xFF, 0xFF]),  // #DIV/0!
            BIFF.formula(0, 4, result: [3, 0, 0, 0, 0, 0, 0xFF, 0xFF]),  // empty text
        ])])
        let row = try #require(try workbook.read().first?.rows.first)
        #expect(row.cells.map(\.value) == [.number(6), .text("已取消"), .bool(true), .error("#DIV/0!")])
    }

    @Test func sharedStringsContinueAcrossRecordsWithFreshOptionBytes() throws {
        // "权责清单abcd" starts UTF-16 in the SST and continues compressed after CONTINUE;
        // "行政处罚" carries two rich-text runs and 6 bytes of phonetic data, split by a CONTINUE.
        let first = BIFF.u16(8) + [0x01] + BIFF.utf16("权责清单")
        let second = BIFF.u16(4) + [0x0D] + BIFF.u16(2) + BIFF.u32(6) + BIFF.utf16("行政处罚") + [UInt8](repeating: 0xAA, count: 5)
        let sst = BIFF.record(0x00FC, BIFF.u32(3) + BIFF.u32(3) + first)
        let continuation1 = BIFF.record(0x003C, [0x00] + Array("abcd".utf8) + second)
        let continuation2 = BIFF.record(0x003C, [UInt8](repeating: 0xBB, count: 9) + BIFF.unicodeString("Ünïcode"))
        let workbook = XLSTestWorkbook(globals: [sst, continuation1, continuation2], sheets: [
            .init(name: "Sheet1", records: [BIFF.labelSST(0, 0, 0), BIFF.labelSST(0, 1, 1), BIFF.labelSST(0, 2, 2)]),
        ])
        let row = try #require(try workbook.read().first?.rows.first)
        #expect(row.cells.map(\.value) == [.text("权责清单abcd"), .text("行政处罚"), .text("Ünïcode")])
    }

    @Test func textDecodesSurrogatePairsAndReplacesLoneSurrogates() {
        let pair = BIFF.utf16("𠀀")  // U+20000, a CJK Extension B character
        #expect(BIFFContinuedReader.decode(pair + BIFF.utf16("码"), from: 0, count: 3, highByte: true) == "𠀀码")
        let lone = BIFF.u16(0xD800) + BIFF.utf16("a")
        #expect(BIFFContinuedReader.decode(lone, from: 0, count: 2, highByte: true) == "\u{FFFD}a")
        #expect(BIFFContinuedReader.decode([0x41, 0xE9, 0xFF], from: 0, count: 3, highByte: false) == "Aéÿ")
    }

    /// The transcoder's output skips String's validation, so it must be valid UTF-8 whatever the input.
    @Test func everyUnpairedSurrogateBecomesOneReplacementCharacter() {
        let units: [UInt16] = [0xDC00, 0x6C49, 0xD800, 0xD800, 0xDC00, 0x41, 0xDBFF]  // low first, high high-low, high at the end
        let bytes = units.flatMap { BIFF.u16(Int($0)) }
        let text = BIFFContinuedReader.decode(bytes, from: 0, count: units.count, highByte: true)
        #expect(text == "\u{FFFD}汉\u{FFFD}\u{10000}A\u{FFFD}")
        #expect(String(decoding: Array(text.utf8), as: UTF8.self) == text, "the UTF-8 is valid as it stands")
        #expect(text.unicodeScalars.count == 6)
    }

    @Test func aLargeSharedStringTableRunsOverManyContinueRecords() throws {
        // About 1.2 MB of text: 150 records, with strings broken at every record boundary.
        let strings = (0..<2500).map { "第\($0)项：" + String(repeating: "依据《中华人民共和国行政许可法》", count: 15) }
        let sst = BIFF.sharedStrings(strings, recordSize: 8224)
        #expect(sst.count > 100)
        let workbook = XLSTestWorkbook(globals: sst, sheets: [.init(name: "Sheet1", records: strings.indices.map {
            BIFF.labelSST($0, 0, $0)
        })])
        let sheet = try #require(try workbook.read().first)
        #expect(sheet.rows.flatMap(\.cells).map(\.value.text) == strings)
    }

    @Test func numbersFormattedAsDatesBecomeISOText() throws {
        let workbook = XLSTestWorkbook(
            globals: [
                BIFF.format(id: 164, code: "yyyy\"年\"m\"月\"d\"日\""),
                BIFF.format(id: 165, code: "#,##0\"元\""),
                BIFF.extendedFormat(formatID: 0),  // XF 0: General
                BIFF.extendedFormat(formatID: 14),  // XF 1: built-in date
                BIFF.extendedFormat(formatID: 164),  // XF 2: custom Chinese date
                BIFF.extendedFormat(formatID: 165),  // XF 3: money, not a date
                BIFF.extendedFormat(formatID: 22),  // XF 4: date and time
                BIFF.extendedFormat(formatID: 20),  // XF 5: time of day
            ],
            sheets: [.init(name: "Sheet1", records: [
                BIFF.number(0, 0, 45352, xf: 0),
                BIFF.number(0, 1, 45352, xf: 1),
                BIFF.rk(0, 2, raw: 45352 << 2 | 0x02, xf: 2),
                BIFF.number(0, 3, 45352, xf: 3),
                BIFF.number(0, 4, 45352.354166666664, xf: 4),
                BIFF.number(0, 5, 0.5, xf: 5),
                BIFF.number(0, 6, 1, xf: 1),
                BIFF.number(0, 7, 61, xf: 1),
            ])])
        let row = try #require(try workbook.read().first?.rows.first)
        #expect(row.cells.map(\.value) == [
            .number(45352), .date("2024-03-01"), .date("2024-03-01"), .number(45352),
            .date("2024-03-01T08:30:00"), .date("12:00:00"), .date("1900-01-01"), .date("1900-03-01"),
        ])
    }

    @Test func the1904DateSystemShiftsSerials() throws {
        let workbook = XLSTestWorkbook(
            globals: [BIFF.dateMode1904(), BIFF.extendedFormat(formatID: 14)],
            sheets: [.init(name: "Sheet1", records: [BIFF.number(0, 0, 43890, xf: 0)])])
        #expect(try workbook.read().first?.rows.first?.cells.first?.value == .date("2024-03-01"))
    }

    @Test func mergedRangesHiddenRowsAndHiddenSheetsAreKept() throws {
        let workbook = XLSTestWorkbook(sheets: [
            .init(name: "公示", records: [
                BIFF.row(1, hidden: true),
                BIFF.row(4, hidden: true),
                BIFF.label(0, 0, "标题"),
                BIFF.label(1, 0, "隐藏行"),
                BIFF.mergedCells([(0, 0, 0, 3), (2, 5, 1, 1)]),
            ]),
            .init(name: "备用", visibility: 1, records: [BIFF.label(0, 0, "x")]),
        ])
        let sheets = try workbook.read()
        #expect(sheets.map(\.name) == ["公示", "备用"])
        #expect(sheets.map(\.isHidden) == [false, true])
        #expect(sheets[0].mergedRanges.map(\.description) == ["A1:D1", "B3:B6"])
        #expect(sheets[0].rows.map(\.index) == [0, 1, 4])
        #expect(sheets[0].rows.map(\.isHidden) == [false, true, true])
        #expect(sheets[0].dimension?.description == "A1:D6")
    }

    @Test func cellsArriveInAnyOrderButComeOutSortedAndLaterRecordsWin() throws {
        let workbook = XLSTestWorkbook(sheets: [.init(name: "Sheet1", records: [
            BIFF.label(2, 1, "C"), BIFF.label(0, 3, "B"), BIFF.label(0, 0, "A"), BIFF.label(2, 1, "D"),
        ])])
        let sheet = try #require(try workbook.read().first)
        #expect(sheet.rows.map(\.index) == [0, 2])
        #expect(sheet.rows.flatMap(\.cells).map(\.value.text) == ["A", "B", "D"])
    }

    @Test func chartSheetsAndEmbeddedChartsAreSkipped() throws {
        let embeddedChart = BIFF.bof(.chart) + BIFF.number(0, 0, 99) + BIFF.eof
        let workbook = XLSTestWorkbook(sheets: [
            .init(name: "图表", type: 2, records: [BIFF.number(0, 0, 1)]),
            .init(name: "清单", records: [BIFF.label(0, 0, "保留"), embeddedChart, BIFF.label(1, 0, "之后")]),
        ])
        let sheets = try workbook.read()
        #expect(sheets.map(\.name) == ["清单"])
        #expect(sheets[0].rows.flatMap(\.cells).map(\.value.text) == ["保留", "之后"])
    }

    @Test func filePassMeansThePasswordProtectsTheWorkbook() {
        let workbook = XLSTestWorkbook(globals: [BIFF.filePass], sheets: [.init(name: "Sheet1", records: [])])
        #expect(reason(of: workbook) == .passwordProtected)
    }

    @Test func olderBIFFVersionsAreNamed() {
        var biff5 = XLSTestWorkbook(sheets: [.init(name: "Sheet1", records: [])])
        biff5.version = 0x0500
        #expect(reason(of: biff5) == .unsupportedBIFFVersion("BIFF5"))

        var book = XLSTestWorkbook(sheets: [.init(name: "Sheet1", records: [])])
        book.streamName = "Book"
        #expect(reason(of: book) == .unsupportedBIFFVersion("BIFF5"))
    }

    @Test func anEncryptedOOXMLPackageIsPasswordProtected() {
        var workbook = XLSTestWorkbook(sheets: [])
        workbook.streamName = "EncryptedPackage"
        workbook.extraStreams = [("EncryptionInfo", [4, 0, 4, 0])]
        #expect(reason(of: workbook) == .passwordProtected)
    }

    @Test func aSharedStringIndexPastTheTableNamesSheetAndCell() throws {
        let workbook = XLSTestWorkbook(globals: [BIFF.sharedStrings(["a"])],
                                       sheets: [.init(name: "Sheet1", records: [BIFF.labelSST(11, 3, 5)])])
        let url = try ScratchFolder("xls").write(workbook.file, named: "清单.xlsx")
        let error = try #require(throws: SheetsError.self) { try Workbook.read(url) }
        #expect(error.sheet == "Sheet1")
        #expect(error.cell == CellAddress("D12"))
        #expect(error.description.contains("Sheet1!D12"))
        #expect(error.description.contains("共享字符串编号 5 超出范围"))
    }

    @Test func aDamagedCellRecordNamesItsCell() throws {
        let truncatedNumber = BIFF.record(0x0203, BIFF.cell(4, 2) + [0, 0])  // 8 bytes of value missing
        let workbook = XLSTestWorkbook(sheets: [.init(name: "清单", records: [truncatedNumber])])
        let error = try #require(throws: XLSReadError.self) { try workbook.read() }
        #expect(error.sheet == "清单")
        #expect(error.cell == CellAddress("C5"))
    }

    @Test func anOLE2FileNamedXlsxIsReadAsXLS() throws {
        let workbook = XLSTestWorkbook(sheets: [.init(name: "Sheet1", records: [BIFF.label(0, 0, "职权编码")])])
        let url = try ScratchFolder("xls").write(workbook.file, named: "清单.xlsx")
        let read = try Workbook.read(url)
        #expect(read.format == .xls)
        #expect(read.sheets.first?[CellAddress(row: 0, column: 0)] == .text("职权编码"))
    }

    private func reason(of workbook: XLSTestWorkbook) -> SheetsError.Reason? {
        do {
            _ = try workbook.read()
            return nil
        } catch {
            return error.reason
        }
    }
}
