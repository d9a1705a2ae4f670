import Testing
@testable import Sheets

/// The one date rule both workbook readers follow: which formats are dates, and how a serial
/// becomes ISO text.
@Suite struct ExcelDateTests {
    @Test(arguments: [
        (45352.0, "2024-03-01"),
        (45352.354166666664, "2024-03-01T08:30:00"),
        (0.5, "12:00:00"),
        (0, "00:00:00"),
        (1, "1900-01-01"),
        (59, "1900-02-28"),
        (61, "1900-03-01"),
        (2_958_465, "9999-12-31"),
    ])
    func serialsIn1900System(serial: Double, iso: String) {
        #expect(ExcelDate.isoText(serial: serial, date1904: false) == iso)
    }

    @Test func the1904SystemCountsFrom1904ButTimesStayTimes() {
        #expect(ExcelDate.isoText(serial: 43890, date1904: true) == "2024-03-01")
        #expect(ExcelDate.isoText(serial: 1, date1904: true) == "1904-01-02")
        #expect(ExcelDate.isoText(serial: 0.354166666664, date1904: true) == "08:30:00")
    }

    @Test func serialsThatAreNoDateStayNumbers() {
        #expect(ExcelDate.isoText(serial: 60, date1904: false) == nil, "1900-02-29 never was")
        #expect(ExcelDate.isoText(serial: 60.5, date1904: false) == nil)
        #expect(ExcelDate.isoText(serial: 60, date1904: true) == "1904-03-01")
        #expect(ExcelDate.isoText(serial: -1, date1904: false) == nil)
        #expect(ExcelDate.isoText(serial: 2_958_466, date1904: false) == nil)
        #expect(ExcelDate.isoText(serial: .nan, date1904: false) == nil)
    }

    @Test func secondsAreRoundedAsExcelShowsThem() {
        #expect(ExcelDate.isoText(serial: 45352 + 8.5 / 24 - 0.4 / 86_400, date1904: false) == "2024-03-01T08:30:00")
        #expect(ExcelDate.isoText(serial: 45352.999999999, date1904: false) == "2024-03-02")
    }

    @Test func customFormatsAreDatesOnlyWithDatePartsOutsideQuotesAndBrackets() {
        #expect(NumberFormat.isDate(code: "yyyy-mm-dd"))
        #expect(NumberFormat.isDate(code: "[$-804]yyyy\"年\"m\"月\""))
        #expect(NumberFormat.isDate(code: "[$-F800]dddd, mmmm dd, yyyy"))
        #expect(NumberFormat.isDate(code: "[Red]h:mm AM/PM"))
        #expect(!NumberFormat.isDate(code: "General"))
        #expect(!NumberFormat.isDate(code: "#,##0\"元\""))
        #expect(!NumberFormat.isDate(code: "[Red]0.00_);(0.00)"))
        #expect(!NumberFormat.isDate(code: "0.00\"天\";[Red]\"d\"0"))
        #expect(!NumberFormat.isDate(code: "\\d0"))
        #expect(!NumberFormat.isDate(code: "0\\d"))
    }

    @Test(arguments: ["[h]:mm:ss", "[hh]:mm", "[mm]:ss", "[s]", "[H]:MM"])
    func elapsedTimeFormatsAreDurationsNotDates(code: String) {
        #expect(!NumberFormat.isDate(code: code))
    }

    @Test func builtInIDsIncludeTheCJKAndThaiDateFormats() {
        for id in [14, 22, 27, 36, 45, 47, 50, 58, 71, 81] { #expect(NumberFormat.isBuiltInDate(id), "id \(id)") }
        for id in [0, 1, 13, 23, 26, 37, 44, 48, 49, 59, 70, 82, 164] { #expect(!NumberFormat.isBuiltInDate(id), "id \(id)") }
    }

    @Test func aCodeTheWorkbookDefinesWinsOverTheBuiltInTable() {
        #expect(!NumberFormat.isDate(id: 14, customCodes: [14: "0.00"]))
        #expect(NumberFormat.isDate(id: 164, customCodes: [164: "yyyy/m/d"]))
        #expect(NumberFormat.isDate(id: 14, customCodes: [:]))
    }
}
