import Foundation

/// A delimited text file read into a one-sheet workbook, with what detection found.
public struct CSVDocument: Sendable {
    public var workbook: Workbook
    /// The encoding the text was decoded from (detected, or forced by the caller).
    public var encoding: TextEncoding
    public var separator: CSVSeparator
}

/// Reads delimited text (CSV, TSV, semicolon- or pipe-separated) in UTF-8, UTF-16 or GB18030.
///
/// The file becomes one sheet named after the file's base name (`名单.csv` → `名单`).
/// See `TextDecoder` for encoding detection, `CSVSeparator.detect` for the separator and
/// `CSVParser` for the quoting rules.
public struct CSVReader: Sendable {
    public let file: URL
    /// Forces the text encoding instead of detecting it.
    public let encoding: TextEncoding?
    /// Rows, columns and cell length past which the file is refused.
    public let limits: ReadLimits

    public init(file: URL, encoding: TextEncoding? = nil, limits: ReadLimits = .excel) {
        self.file = file
        self.encoding = encoding
        self.limits = limits
    }

    func read() throws(SheetsError) -> Workbook {
        try readDocument().workbook
    }

    public func readDocument() throws(SheetsError) -> CSVDocument {
        let path = file.path
        // Same checks and messages as any workbook: missing, a folder, empty.
        _ = try Workbook.sniffFormat(of: file)
        let bytes: Data
        do {
            // Mapped rather than copied: a large file costs address space, not memory.
            bytes = try FileBytes.read(file)
        } catch {
            throw SheetsError(file: path, reason: .unreadable(error.localizedDescription))
        }
        let text = try TextDecoder.decode(bytes, forcedEncoding: encoding, file: path)
        let parsed = text.utf8.withUnsafeBytes { buffer in
            let separator = CSVSeparator.detect(in: buffer)
            return Result { () throws(ReadLimitBreach) in
                (separator, try CSVParser(separator: separator, limits: limits).rows(in: buffer))
            }
        }
        let separator: CSVSeparator, rows: [Row]
        switch parsed {
        case .success(let result): (separator, rows) = result
        case .failure(let breach):
            throw SheetsError(file: path, sheet: sheetName, cell: breach.cell, reason: .limitExceeded(breach.violation))
        }
        let sheet = Sheet(name: sheetName, rows: rows)
        return CSVDocument(workbook: Workbook(file: file, format: .csv, sheets: [sheet]),
                           encoding: text.encoding, separator: separator)
    }

    /// The file split into records as byte ranges (`CSVRecords`), decoded as `readDocument`
    /// decodes it; nothing is parsed into cells.
    public func readRecords() throws(SheetsError) -> CSVRecords {
        _ = try Workbook.sniffFormat(of: file)
        let bytes: Data
        do {
            bytes = try FileBytes.read(file)
        } catch {
            throw SheetsError(file: file.path, reason: .unreadable(error.localizedDescription))
        }
        let text = try TextDecoder.decode(bytes, forcedEncoding: encoding, file: file.path)
        let separator = text.utf8.withUnsafeBytes { CSVSeparator.detect(in: $0) }
        return CSVRecords(text: text.utf8, separator: separator, limits: limits)
    }

    /// The file name without its extension; `Sheet1` if that leaves nothing.
    public var sheetName: String {
        let base = file.deletingPathExtension().lastPathComponent
        return base.isEmpty ? "Sheet1" : base
    }
}
