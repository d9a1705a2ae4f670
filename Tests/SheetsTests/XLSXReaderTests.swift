import Foundation
import Testing
@testable import Sheets

/// Cell values: every kind of cell an XLSX worksheet can hold.
@Suite struct XLSXReaderTests {
    @Test func sharedStringCellsReadTheirText() throws {
        let sheet = try XLSXFixture.readSheet("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
            <row r="2"><c r="A2" t="s"><v>0</v></c></row>
            """, sharedStrings: ["序号", "事项名称"])
        #expect(sheet[CellAddress(row: 0, column: 0)] == .text("序号"))
        #expect(sheet[CellAddress(row: 0, column: 1)] == .text("事项名称"))
        #expect(sheet[CellAddress(row: 1, column: 0)] == .text("序号"))
    }

    @Test func richTextRunsAreConcatenatedAndPhoneticRunsIgnored() throws {
        let sheet = try XLSXFixture.readSheet(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#, sharedStrings: [
            #"<r><rPr><b/></rPr><t>子项</t></r><r><t xml:space="preserve">&#10;名称 </t></r><rPh sb="0" eb="2"><t>ふりがな</t></rPh>"#,
        ])
        #expect(sheet[CellAddress(row: 0, column: 0)] == .text("子项\n名称 "))
    }

    @Test func preservedSpacesAndEscapedControlCharactersSurvive() throws {
        let sheet = try XLSXFixture.readSheet("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
            """, sharedStrings: [#"<t xml:space="preserve">  克拉玛依市</t>"#, "第一行_x000D_\n第二行", "_x005F_x000D_"])
        #expect(sheet[CellAddress(row: 0, column: 0)] == .text("  克拉玛依市"))
        #expect(sheet[CellAddress(row: 0, column: 1)] == .text("第一行\r\n第二行"))
        #expect(sheet[CellAddress(row: 0, column: 2)] == .text("_x000D_"))
    }

    @Test func inlineStringsIncludingRichText() throws {
        let sheet = try XLSXFixture.readSheet("""
            <row r="1"><c r="A1" t="inlineStr"><is><t>行政许可</t></is></c>\
            <c r="B1" t="inlineStr"><is><r><t>行政</t></r><r><t>处罚</t></r><rPh><t>x</t></rPh></is></c></row>
            """)
        #expect(sheet[CellAddress(row: 0, column: 0)] == .text("行政许可"))
        #expect(sheet[CellAddress(row: 0, column: 1)] == .text("行政处罚"))
    }

    @Test func numbersAreShownAsAPersonSeesThem() throws {
        let sheet = try XLSXFixture.readSheet("""
            <row r="1"><c r="A1"><v>1.0</v></c><c r="B1" t="n"><v>2.5</v></c><c r="C1"><v>1E3</v></c><c r="D1"><v>0.30000000000000004</v></c></row>
            """)
        #expect(sheet[CellAddress(row: 0, column: 0)] == .number(1))
        #expect(sheet[CellAddress(row: 0, column: 0)]?.text == "1")
        #expect(sheet[CellAddress(row: 0, column: 1)]?.text == "2.5")
        #expect(sheet[CellAddress(row: 0, column: 2)]?.text == "1000")
        #expect(sheet[CellAddress(row: 0, column: 3)]?.text == "0.3")
    }

    @Test func booleansErrorsAndFormulaResults() throws {
        let sheet = try XLSXFixture.readSheet("""
            <row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c>\
            <c r="D1" t="str"><f>A2&amp;"号"</f><v>12号</v></c><c r="E1"><f>SUM(1,2)</f><v>3</v></c>\
            <c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G1"><f>A1</f></c></row>
            """)
        #expect(sheet[CellAddress(row: 0, column: 0)] == .bool(true))
        #expect(sheet[CellAddress(row: 0, column: 1)] == .bool(false))
        #expect(sheet[CellAddress(row: 0, column: 2)] == .error("#N/A"))
        #expect(sheet[CellAddress(row: 0, column: 3)] == .text("12号"))
        #expect(sheet[CellAddress(row: 0, column: 4)] == .number(3))
        #expect(sheet[CellAddress(row: 0, column: 5)] == .error("#DIV/0!"))
        #expect(sheet[CellAddress(row: 0, column: 6)] == nil, "a formula without a cached value is empty")
    }

    @Test func emptyAndStyleOnlyCellsAreNotStored() throws {
        let sheet = try XLSXFixture.readSheet("""
            <row r="1"><c r="A1" s="1"/><c r="B1" t="s"><v>0</v></c><c r="C1"><v></v></c><c r="D1"><v>7</v></c></row>
            <row r="2"><c r="A2" s="1"/></row>
            """, sharedStrings: [""])
        #expect(sheet.rows.count == 1)
        #expect(sheet.rows[0].cells.map(\.address.column) == [3])
        #expect(sheet.dimension == CellRange("D1"))
    }

    @Test func mergedRangesAreListed() throws {
        let sheet = try XLSXFixture.readSheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>"#,
                                              afterData: #"<mergeCells count="2"><mergeCell ref="A1:N1"/><mergeCell ref="$A$3:A5"/></mergeCells>"#)
        #expect(sheet.mergedRanges == [CellRange("A1:N1"), CellRange("A3:A5")].compactMap { $0 })
        #expect(sheet.dimension == CellRange("A1:N5"))
    }

    @Test func emptySheetHasNoRowsAndNoDimension() throws {
        let sheet = try XLSXFixture.readSheet("")
        #expect(sheet.rows.isEmpty)
        #expect(sheet.dimension == nil)
    }

    @Test func hiddenRowsAreKeptEvenWhenEmpty() throws {
        let sheet = try XLSXFixture.readSheet("""
            <row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"/><row r="3" hidden="true"><c r="A3"><v>3</v></c></row>
            """)
        #expect(sheet.rows.map(\.index) == [0, 1, 2])
        #expect(sheet.rows.map(\.isHidden) == [false, true, true])
        #expect(sheet.rows[1].cells.isEmpty)
    }

    @Test func hiddenAndVeryHiddenSheetsAreMarked() throws {
        let workbook = try XLSXFixture.read(XLSXFixture.workbookParts([
            .init(name: "可见", rows: ""), .init(name: "隐藏", rows: "", state: "hidden"),
            .init(name: "深度隐藏", rows: "", state: "veryHidden"),
        ]))
        #expect(workbook.sheets.map(\.name) == ["可见", "隐藏", "深度隐藏"])
        #expect(workbook.sheets.map(\.isHidden) == [false, true, true])
        #expect(workbook.format == .xlsx)
    }

    @Test func sheetNamesWithEntitiesAreDecoded() throws {
        let workbook = try XLSXFixture.read(XLSXFixture.workbookParts([.init(name: "A&amp;B &lt;1&gt;", rows: "")]))
        #expect(workbook.sheets.map(\.name) == ["A&B <1>"])
    }
}
