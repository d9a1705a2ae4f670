import Foundation

/// Reads delimited text. Placeholder until the CSV reader lands.
struct CSVReader {
    let file: URL
    let encoding: TextEncoding?

    func read() throws(SheetsError) -> Workbook {
        throw SheetsError(file: file.path, reason: .unrecognizedFormat)
    }
}
