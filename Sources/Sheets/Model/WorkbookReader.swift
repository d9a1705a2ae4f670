import Foundation

extension Workbook {
    /// Reads any supported spreadsheet file, choosing the reader by the file's content.
    ///
    /// - Throws: `SheetsError` naming the file (and sheet and cell where known).
    public static func read(_ file: URL, options: ReadOptions = ReadOptions()) throws(SheetsError) -> Workbook {
        let format = try sniffFormat(of: file)
        switch format {
        case .xlsx: return try XLSXReader(file: file, limits: options.limits).read()
        case .xls: return try XLSReader(file: file).read()
        case .csv: return try CSVReader(file: file, encoding: options.textEncoding, limits: options.limits).read()
        }
    }

    /// The real format of a file on disk, after checking it exists, is a file and is not empty.
    public static func sniffFormat(of file: URL) throws(SheetsError) -> SpreadsheetFormat {
        let path = file.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SheetsError(file: path, reason: .fileNotFound)
        }
        guard !isDirectory.boolValue else { throw SheetsError(file: path, reason: .isDirectory) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SheetsError(file: path, reason: .unreadable("没有读取权限"))
        }
        defer { try? handle.close() }
        let prefix: Data
        do {
            prefix = try handle.read(upToCount: 8) ?? Data()
        } catch {
            throw SheetsError(file: path, reason: .unreadable(error.localizedDescription))
        }
        guard !prefix.isEmpty else { throw SheetsError(file: path, reason: .emptyFile) }
        return SpreadsheetFormat.sniff(prefix)
    }
}
