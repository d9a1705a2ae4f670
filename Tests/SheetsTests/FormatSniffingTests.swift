import Foundation
import Testing
@testable import Sheets

@Suite("The real format comes from the content, never the extension")
struct FormatSniffingTests {
    let scratch: ScratchFolder
    var folder: URL { scratch.folder }

    init() throws { scratch = try ScratchFolder("sniff") }

    func write(_ bytes: [UInt8], as name: String) throws -> URL {
        try scratch.write(bytes, named: name)
    }

    @Test func signaturesDecide() {
        #expect(SpreadsheetFormat.sniff([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]) == .xlsx)
        #expect(SpreadsheetFormat.sniff([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) == .xls)
        #expect(SpreadsheetFormat.sniff(Array("序号,事项名称\n".utf8)) == .csv)
        #expect(SpreadsheetFormat.sniff([0x50, 0x4B]) == .csv)
    }

    @Test func anOLE2FileNamedXLSXIsAnOldWorkbook() throws {
        let file = try write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], as: "misnamed.xlsx")
        #expect(try Workbook.sniffFormat(of: file) == .xls)
    }

    @Test func missingEmptyAndFolderInputsAreNamedErrors() throws {
        let missing = folder.appendingPathComponent("nope.xlsx")
        #expect(throws: SheetsError(file: missing.path, reason: .fileNotFound)) {
            try Workbook.sniffFormat(of: missing)
        }
        let empty = try write([], as: "empty.csv")
        #expect(throws: SheetsError(file: empty.path, reason: .emptyFile)) {
            try Workbook.sniffFormat(of: empty)
        }
        #expect(throws: SheetsError(file: folder.path, reason: .isDirectory)) {
            try Workbook.sniffFormat(of: folder)
        }
    }

    @Test func errorMessagesNameThePlaceInChinese() {
        let error = SheetsError(file: "a.xlsx", sheet: "Sheet1", cell: CellAddress("D12"),
                                reason: .malformedXML(part: "xl/worksheets/sheet1.xml", line: 3, detail: "标签未闭合"))
        #expect(error.description.hasPrefix("文件 a.xlsx，工作表 Sheet1!D12："))
        #expect(error.description.contains("第 3 行"))
    }
}
