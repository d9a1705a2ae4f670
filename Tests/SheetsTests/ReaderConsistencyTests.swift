import Foundation
import Testing
@testable import Sheets

/// The model every reader produces, stated once: the same content written as XLSX, as XLS
/// and (where CSV can say it) as CSV reads into equal `Sheet`s.
@Suite("Readers: one model for every format")
struct ReaderConsistencyTests {
    let scratch: ScratchFolder
    init() throws { scratch = try ScratchFolder("consistency") }

    func xlsxSheet(_ rows: String, afterData: String = "", sharedStrings: [String]? = nil,
                   styles: String? = nil) throws -> Sheet {
        let parts = XLSXFixture.workbookParts([.init(name: "清单", rows: rows, afterData: afterData)],
                                              sharedStrings: sharedStrings, styles: styles)
        return try #require(try XLSXFixture.read(parts).sheets.first)
    }

    func xlsSheet(_ records: [[UInt8]], globals: [[UInt8]] = []) throws -> Sheet {
        try #require(try XLSTestWorkbook(globals: globals, sheets: [.init(name: "清单", records: records)]).read().first)
    }

    func csvSheet(_ text: String) throws -> Sheet {
        try #require(try Workbook.read(scratch.write(text, named: "清单.csv")).sheets.first)
    }

    static func text(_ row: Int, _ column: Int, _ string: String) -> Cell {
        Cell(row: row, column: column, value: .text(string))
    }

    /// Empty text cells are not stored, blank rows are absent (row indices keep their gaps),
    /// cells come sorted by column whatever order the file wrote them in.
    @Test func textGridsReadAlikeFromAllThreeFormats() throws {
        let expected = Sheet(name: "清单", rows: [
            Row(index: 0, cells: [Self.text(0, 0, "序号"), Self.text(0, 1, "事项名称")]),
            Row(index: 2, cells: [Self.text(2, 0, "1"), Self.text(2, 1, "行政许可\n（含子项）"), Self.text(2, 2, "备注")]),
        ])
        let csv = try csvSheet("序号,事项名称,\n\n1,\"行政许可\n（含子项）\",备注\n")
        let xlsx = try xlsxSheet("""
            <row r="1"><c r="B1" t="s"><v>1</v></c><c r="A1" t="s"><v>0</v></c>\
            <c r="C1" t="inlineStr"><is><t></t></is></c><c r="D1" t="s"><v>4</v></c></row>\
            <row r="2"/>\
            <row r="3"><c r="C3" t="inlineStr"><is><t>备注</t></is></c><c r="A3" t="s"><v>2</v></c>\
            <c r="B3" t="s"><v>3</v></c></row>
            """, sharedStrings: ["序号", "事项名称", "1", "行政许可\n（含子项）", ""])
        let xls = try xlsSheet([
            BIFF.row(1, hidden: false),
            BIFF.label(0, 1, "事项名称"), BIFF.label(0, 0, "序号"), BIFF.label(0, 2, ""), BIFF.blank(0, 3),
            BIFF.label(2, 2, "备注"), BIFF.label(2, 0, "1"), BIFF.label(2, 1, "行政许可\n（含子项）"),
        ])
        #expect(csv == expected)
        #expect(xlsx == expected)
        #expect(xls == expected)
    }

    /// What only the workbook formats can say: numbers, dates by number format (one rule, see
    /// `ExcelDate`), booleans, errors, hidden empty rows (kept), a repeated address (the later
    /// wins, as in Excel) and merged ranges (normalised to top-left:bottom-right).
    @Test func workbookContentReadsAlikeFromXLSXAndXLS() throws {
        let expected = Sheet(name: "清单", rows: [
            Row(index: 0, cells: [
                Cell(row: 0, column: 0, value: .date("2024-03-01")), Cell(row: 0, column: 1, value: .date("2024-03-01")),
                Cell(row: 0, column: 2, value: .number(1.5)), Cell(row: 0, column: 3, value: .number(60)),
                Cell(row: 0, column: 4, value: .date("12:00:00")), Cell(row: 0, column: 5, value: .number(2.5)),
            ]),
            Row(index: 1, cells: [Cell(row: 1, column: 0, value: .bool(true)), Cell(row: 1, column: 1, value: .error("#DIV/0!"))]),
            Row(index: 3, isHidden: true, cells: []),
            Row(index: 4, cells: [Self.text(4, 0, "新"), Self.text(4, 1, "乙"), Self.text(4, 2, "丙")]),
        ], mergedRanges: [CellRange(first: CellAddress(row: 5, column: 0), last: CellAddress(row: 6, column: 1))])

        // Styles/XFs: 0 General, 1 built-in date 14, 2 a custom Chinese date, 3 elapsed hours.
        let xlsx = try xlsxSheet("""
            <row r="5"><c r="C5" t="inlineStr"><is><t>丙</t></is></c><c r="A5" t="inlineStr"><is><t>旧</t></is></c>\
            <c r="B5" t="inlineStr"><is><t>乙</t></is></c><c r="A5" t="inlineStr"><is><t>新</t></is></c></row>\
            <row r="1"><c r="A1" s="1"><v>45352</v></c><c r="B1" s="2"><v>45352</v></c><c r="C1" s="3"><v>1.5</v></c>\
            <c r="D1" s="1"><v>60</v></c><c r="E1" s="1"><v>0.5</v></c><c r="F1"><v>2.5</v></c></row>\
            <row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#DIV/0!</v></c></row>\
            <row r="4" hidden="1"/>
            """, afterData: #"<mergeCells count="1"><mergeCell ref="B7:A6"/></mergeCells>"#, styles: """
            <numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
            <numFmt numFmtId="177" formatCode="[h]:mm"/></numFmts>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs>
            """)
        let xls = try xlsSheet([
            BIFF.label(4, 2, "丙"), BIFF.label(4, 0, "旧"), BIFF.label(4, 1, "乙"), BIFF.label(4, 0, "新"),
            BIFF.number(0, 0, 45352, xf: 1), BIFF.rk(0, 1, raw: 45352 << 2 | 0x02, xf: 2), BIFF.number(0, 2, 1.5, xf: 3),
            BIFF.number(0, 3, 60, xf: 1), BIFF.number(0, 4, 0.5, xf: 1), BIFF.number(0, 5, 2.5),
            BIFF.boolErr(1, 0, value: 1, isError: false), BIFF.boolErr(1, 1, value: 0x07, isError: true),
            BIFF.row(3, hidden: true),
            BIFF.mergedCells([(6, 5, 1, 0)]),
        ], globals: [
            BIFF.format(id: 164, code: "yyyy\"年\"m\"月\"d\"日\""), BIFF.format(id: 165, code: "[h]:mm"),
            BIFF.extendedFormat(formatID: 0), BIFF.extendedFormat(formatID: 14),
            BIFF.extendedFormat(formatID: 164), BIFF.extendedFormat(formatID: 165),
        ])
        #expect(xlsx == expected)
        #expect(xls == expected)
    }

    /// Every reader fails with a `SheetsError` whose Chinese message starts with the file,
    /// then the sheet and cell when the format knows them.
    @Test func errorsNameTheFileThenSheetAndCell() throws {
        let xlsx = try XLSXFixture.package(XLSXFixture.workbookParts([.init(name: "清单", rows: #"<row r="1"><c r="A1"></row>"#)]))
        let xlsxError = try #require(throws: SheetsError.self) { try Workbook.read(xlsx) }
        #expect(xlsxError.description.hasPrefix("文件 \(xlsx.path)，工作表 清单："))

        let badIndex = XLSTestWorkbook(globals: [BIFF.sharedStrings(["a"])],
                                       sheets: [.init(name: "清单", records: [BIFF.labelSST(11, 3, 5)])])
        let xls = try scratch.write(badIndex.file, named: "清单.xls")
        let xlsError = try #require(throws: SheetsError.self) { try Workbook.read(xls) }
        #expect(xlsError.description.hasPrefix("文件 \(xls.path)，工作表 清单!D12："))

        let csv = try scratch.write(Array("a,b\n".utf8) + [0xFF], named: "清单.csv")
        let csvError = try #require(throws: SheetsError.self) { try Workbook.read(csv) }
        #expect(csvError.description.hasPrefix("文件 \(csv.path)：第 2 行"))
    }
}
