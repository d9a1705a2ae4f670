import Foundation
import Sheets

/// Reads one file for `inspect`, keeping the path as the user typed it in every message.
struct InspectLoader {
    struct Settings {
        var sheetNames: [String]
        var rowLimit: Int
        var columnLimit: Int
        var cellWidth: Int
        var textEncoding: TextEncoding?
        var limits = ReadLimits.excel
    }

    var settings: Settings

    func report(for path: String) throws -> InspectReport {
        let file = URL(fileURLWithPath: path)
        var csv: CSVDocument?
        let workbook: Workbook
        do throws(SheetsError) {
            if try Workbook.sniffFormat(of: file) == .csv {
                // Read CSV directly to learn the encoding and separator it was found in.
                let document = try CSVReader(file: file, encoding: settings.textEncoding, limits: settings.limits).readDocument()
                csv = document
                workbook = document.workbook
            } else {
                workbook = try Workbook.read(file, options: ReadOptions(textEncoding: settings.textEncoding, limits: settings.limits))
            }
        } catch var error {
            error.file = path
            throw error
        }
        let missing = settings.sheetNames.filter { workbook[sheetNamed: $0] == nil }
        guard missing.isEmpty else {
            let existing = workbook.sheets.map { "“\($0.name)”" }.joined(separator: "、")
            let wanted = missing.map { "“\($0)”" }.joined(separator: "、")
            throw UserFacingError("文件 \(path)：没有名为\(wanted)的工作表。现有工作表：\(existing)。")
        }
        return InspectReport(path: path, workbook: workbook, csv: csv, sheetNames: settings.sheetNames,
                             rowLimit: settings.rowLimit, columnLimit: settings.columnLimit,
                             cellWidth: settings.cellWidth)
    }
}
