import Foundation

/// Reads a legacy Excel 97–2003 workbook (BIFF8 in an OLE2 compound file).
/// Until the native reader lands, says clearly that the file is an old-format workbook.
struct XLSReader {
    let file: URL

    func read() throws(SheetsError) -> Workbook {
        throw SheetsError(file: file.path, reason: .legacyWorkbookUnsupported)
    }
}
