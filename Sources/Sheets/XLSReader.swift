import Foundation

/// Reads a legacy Excel 97–2003 workbook: a BIFF8 `Workbook` stream inside an OLE2 compound file.
///
/// The whole file is read into memory (legacy workbooks are at most a few tens of megabytes),
/// then the workbook globals, then each worksheet substream in workbook order.
struct XLSReader {
    let file: URL

    func read() throws(SheetsError) -> Workbook {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: file))
        } catch {
            throw SheetsError(file: file.path, reason: .unreadable(error.localizedDescription))
        }
        do {
            return Workbook(file: file, format: .xls, sheets: try Self.sheets(in: bytes))
        } catch {
            throw SheetsError(file: file.path, sheet: error.sheet, cell: error.cell, reason: error.reason)
        }
    }

    /// The worksheets of a compound file's bytes.
    static func sheets(in bytes: [UInt8]) throws(XLSReadError) -> [Sheet] {
        let compoundFile = try CompoundFile(bytes: bytes)
        // Excel 2007+ stores a password-protected .xlsx as an encrypted package inside OLE2.
        if compoundFile.stream(named: "EncryptedPackage") != nil || compoundFile.stream(named: "EncryptionInfo") != nil {
            throw XLSReadError(reason: .passwordProtected)
        }
        guard let workbookStream = compoundFile.stream(named: "Workbook") else {
            if compoundFile.stream(named: "Book") != nil {
                throw XLSReadError(reason: .unsupportedBIFFVersion("BIFF5"))
            }
            throw XLSReadError("复合文档中没有 Workbook 数据流，可能不是 Excel 工作簿（例如 Word 文档）")
        }
        let stream = BIFFStream(bytes: try compoundFile.data(of: workbookStream))
        let globals = try XLSWorkbookGlobals(stream)
        let reader = XLSSheetReader(stream: stream, globals: globals)
        var sheets: [Sheet] = []
        for entry in globals.sheets {
            if let sheet = try reader.read(entry) { sheets.append(sheet) }
        }
        return sheets
    }
}
