import Foundation

/// Reads a legacy Excel 97–2003 workbook: a BIFF8 `Workbook` stream inside an OLE2 compound file.
///
/// The whole file is mapped into memory (legacy workbooks are at most a few tens of megabytes),
/// then the workbook globals are read, then each worksheet substream in workbook order.
struct XLSReader {
    let file: URL

    func read() throws(SheetsError) -> Workbook {
        let bytes = try Self.contents(of: file)
        do {
            return Workbook(file: file, format: .xls, sheets: try Self.sheets(in: bytes))
        } catch {
            throw SheetsError(file: file.path, sheet: error.sheet, cell: error.cell, reason: error.reason)
        }
    }

    /// The worksheets of a compound file's bytes.
    static func sheets(in bytes: [UInt8]) throws(XLSReadError) -> [Sheet] {
        try sheets(in: ByteView(bytes))
    }

    static func sheets(in bytes: ByteView) throws(XLSReadError) -> [Sheet] {
        let compoundFile = try CompoundFile(bytes: bytes)
        // Excel 2007+ stores a password-protected .xlsx as an encrypted package inside OLE2.
        if compoundFile.stream(named: "EncryptedPackage") != nil || compoundFile.stream(named: "EncryptionInfo") != nil {
            throw XLSReadError(reason: .passwordProtected)
        }
        guard let workbookStream = compoundFile.stream(named: "Workbook") else {
            if compoundFile.stream(named: "Book") != nil {
                throw XLSReadError(reason: .unsupportedBIFFVersion("BIFF5"))
            }
            // Word and PowerPoint files are OLE2 compound files too.
            throw XLSReadError(reason: .unrecognizedFormat)
        }
        let contents = try compoundFile.data(of: workbookStream)
        let stream = BIFFStream(bytes: contents.storage, window: contents.range)
        let globals = try XLSWorkbookGlobals(stream)
        let reader = XLSSheetReader(stream: stream, globals: globals)
        var sheets: [Sheet] = []
        for entry in globals.sheets {
            if let sheet = try reader.read(entry) { sheets.append(sheet) }
        }
        return sheets
    }

    /// The file's bytes: mapped when it is a regular file, otherwise read into memory.
    private static func contents(of file: URL) throws(SheetsError) -> ByteView {
        guard let handle = fopen(file.path, "rb") else {
            throw SheetsError(file: file.path, reason: .unreadable(String(cString: strerror(errno))))
        }
        defer { fclose(handle) }
        if let mapped = ByteView.mapping(fileno(handle)) { return mapped }
        let expectedSize = fseek(handle, 0, SEEK_END) == 0 ? max(0, ftell(handle)) : 0
        rewind(handle)
        var bytes = [UInt8](unsafeUninitializedCapacity: expectedSize) { buffer, initialized in
            initialized = expectedSize > 0 ? fread(buffer.baseAddress, 1, expectedSize, handle) : 0
        }
        // A file that grew meanwhile, or whose size was unknown, is read on to its end.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            bytes.append(contentsOf: chunk[0..<read])
            if read < chunk.count { break }
        }
        guard ferror(handle) == 0 else { throw SheetsError(file: file.path, reason: .unreadable("读取出错")) }
        return ByteView(bytes)
    }
}
