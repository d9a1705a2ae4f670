import Testing
@testable import Sheets

/// Dates are numbers whose cell style has a date format; they read as ISO text.
@Suite struct XLSXDateTests {
    /// Style 0 General, 1 built-in 14 (m/d/yyyy), 2 built-in 22 (m/d/yyyy h:mm), 3 custom
    /// 年月日, 4 custom elapsed hours, 5 a custom number format with a quoted letter, 6 CJK built-in 31.
    static let styles = """
        <numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
        <numFmt numFmtId="177" formatCode="[h]:mm:ss"/><numFmt numFmtId="178" formatCode="0.00&quot; d&quot;"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
        <cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="176"/>\
        <xf numFmtId="177"/><xf numFmtId="178"/><xf numFmtId="31"/></cellXfs>
        """

    func row(_ style: Int, _ value: String) -> String {
        "<row r=\"1\"><c r=\"A1\" s=\"\(style)\"><v>\(value)</v></c></row>"
    }

    @Test(arguments: [
        (1, "45352", CellValue.date("2024-03-01")),
        (2, "45352.354166666664", .date("2024-03-01T08:30:00")),
        (3, "45352", .date("2024-03-01")),
        (6, "45352", .date("2024-03-01")),
        (0, "45352", .number(45352)),
        (4, "1.5", .number(1.5)),
        (5, "45352", .number(45352)),
    ])
    func dateStylesMakeDates(style: Int, value: String, expected: CellValue) throws {
        let sheet = try XLSXFixture.readSheet(row(style, value), styles: Self.styles)
        #expect(sheet[CellAddress(row: 0, column: 0)] == expected)
    }

    @Test func the1904DateSystemShiftsSerials() throws {
        let sheet = try XLSXFixture.readSheet(row(1, "43890"), styles: Self.styles,
                                              workbookProperties: #"<workbookPr date1904="1"/>"#)
        #expect(sheet[CellAddress(row: 0, column: 0)] == .date("2024-03-01"))
    }

    @Test func isoDateCellsKeepTheirText() throws {
        let sheet = try XLSXFixture.readSheet(#"<row r="1"><c r="A1" t="d"><v>2024-03-01T08:30:00</v></c></row>"#)
        #expect(sheet[CellAddress(row: 0, column: 0)] == .date("2024-03-01T08:30:00"))
    }

    @Test func isoDatesAtMidnightReadLikeSerialDates() throws {
        let sheet = try XLSXFixture.readSheet("""
            <row r="1"><c r="A1" t="d"><v>2024-03-01T00:00:00</v></c><c r="B1" t="d"><v>2024-03-01T00:00:00.000Z</v></c>\
            <c r="C1" t="d"><v>2024-03-01</v></c><c r="D1" s="1"><v>45352</v></c></row>
            """, styles: Self.styles)
        #expect(sheet.rows.first?.cells.map(\.value) == Array(repeating: .date("2024-03-01"), count: 4))
    }
}
