import Foundation

/// Reads an Office Open XML workbook (.xlsx). Placeholder until the streaming reader lands.
struct XLSXReader {
    let file: URL

    func read() throws(SheetsError) -> Workbook {
        throw SheetsError(file: file.path, reason: .unrecognizedFormat)
    }
}
