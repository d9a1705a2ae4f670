import Foundation
import Sheets
import Testing

@Suite("CSV reader: records, fields and quoting")
struct CSVQuotingTests {
    let scratch: ScratchFolder
    init() throws { scratch = try ScratchFolder() }

    @Test func plainFieldsBecomeTextCellsExactlyAsWritten() throws {
        #expect(try scratch.grid("序号,事项名称,编码\n001,行政许可, 2.50 \n") ==
            [["序号", "事项名称", "编码"], ["001", "行政许可", " 2.50 "]])
    }

    @Test func everyCellIsTextWithoutTypeGuessing() throws {
        let document = try CSVReader(file: scratch.write("001,1.0,TRUE,2024-03-01\n")).readDocument()
        let values = try #require(document.workbook.sheets.first?.rows.first).cells.map(\.value)
        #expect(values == [.text("001"), .text("1.0"), .text("TRUE"), .text("2024-03-01")])
    }

    @Test func quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws {
        let text = "名称,依据\n\"许可,备案\",\"《统计法》\"\"第七条\"\"\"\n\"行政\n确认\",x\n"
        #expect(try scratch.grid(text) ==
            [["名称", "依据"], ["许可,备案", "《统计法》\"第七条\""], ["行政\n确认", "x"]])
    }

    @Test func lineBreaksInsideQuotesAreStoredAsLineFeeds() throws {
        #expect(try scratch.grid("\"a\r\nb\rc\nd\"\r\n") == [["a\nb\nc\nd"]])
    }

    @Test(arguments: ["a,b\nc,d\n", "a,b\r\nc,d\r\n", "a,b\rc,d\r", "a,b\nc,d"])
    func anyLineEndingEndsARecordAndAFinalOneAddsNoRow(text: String) throws {
        #expect(try scratch.grid(text) == [["a", "b"], ["c", "d"]])
    }

    @Test func raggedRowsAndEmptyFieldsAreKeptInTheirColumns() throws {
        let sheet = try #require(CSVReader(file: scratch.write("a\n,b,,d\nx,y,z,w,v\n")).readDocument().workbook.sheets.first)
        #expect(ScratchFolder.grid(sheet) == [["a"], ["", "b", "", "d"], ["x", "y", "z", "w", "v"]])
        #expect(sheet.rows[1].cells.map(\.address.description) == ["B2", "D2"])
        #expect(sheet.dimension?.description == "A1:E3")
    }

    @Test func blankRecordsLeaveAGapSoRowNumbersMatchTheFile() throws {
        let sheet = try #require(CSVReader(file: scratch.write("标题\n\n,,\n序号\n")).readDocument().workbook.sheets.first)
        #expect(sheet.rows.map(\.index) == [0, 3])
    }

    @Test func aTrailingSeparatorMeansAnEmptyLastField() throws {
        #expect(try scratch.grid("a,b,\nc,") == [["a", "b"], ["c"]])
    }

    @Test func textAfterAClosingQuoteIsKeptAndAStrayQuoteIsLiteral() throws {
        #expect(try scratch.grid("\"a\"b,c\"d\"\n") == [["ab", "c\"d\""]])
    }

    @Test func anUnterminatedQuoteKeepsTheRestOfTheFileAsItsField() throws {
        #expect(try scratch.grid("a,\"b,c\nd\n") == [["a", "b,c\nd\n"]])
    }

    @Test func theSheetIsNamedAfterTheFileWithoutItsExtension() throws {
        let workbook = try Workbook.read(scratch.write("a\n", named: "2024年 权责清单.csv"))
        #expect(workbook.format == .csv)
        #expect(workbook.sheets.map(\.name) == ["2024年 权责清单"])
    }

    @Test func aCSVNamedXLSXIsStillReadAsCSV() throws {
        let workbook = try Workbook.read(scratch.write("序号,名称\n1,许可\n", named: "伪装.xlsx"))
        #expect(workbook.format == .csv)
        #expect(workbook.sheets.first.map(ScratchFolder.grid) == [["序号", "名称"], ["1", "许可"]])
    }
}

@Suite("CSV reader: separator detection")
struct CSVSeparatorTests {
    let scratch: ScratchFolder
    init() throws { scratch = try ScratchFolder() }

    func separator(of text: String) throws -> CSVSeparator {
        try CSVReader(file: scratch.write(text)).readDocument().separator
    }

    @Test func commaSeparated() throws {
        #expect(try separator(of: "序号,名称,类别\n1,许可;备案,行政许可\n2,检查,行政检查\n") == .comma)
    }

    @Test func tabSeparatedWithCommasInsideCells() throws {
        let text = "序号\t名称\t依据\n1\t许可\t《法》第一条,第二条\n2\t检查\t《条例》第三条,第四条,第五条\n"
        #expect(try separator(of: text) == .tab)
        #expect(try scratch.grid(text)[2] == ["2", "检查", "《条例》第三条,第四条,第五条"])
    }

    @Test func semicolonSeparatedWithDecimalCommas() throws {
        #expect(try separator(of: "名称;金额\n甲;1,5\n乙;20,25\n") == .semicolon)
    }

    @Test func pipeSeparated() throws {
        #expect(try separator(of: "a|b|c\n1|2|3\n") == .pipe)
    }

    @Test func separatorsInsideQuotesAreNotCounted() throws {
        #expect(try separator(of: "\"a;b;c\",\"d;e\"\n\"f;g\",h\n") == .comma)
    }

    @Test func aSingleColumnFileIsReadWithTheComma() throws {
        #expect(try separator(of: "名称\n许可\n检查\n") == .comma)
    }
}
