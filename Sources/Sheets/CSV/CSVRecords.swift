import Foundation

/// A delimited text file split into its records as byte ranges, no field made into a string.
///
/// A file-to-file `diff` compares two revisions in which most records are byte for byte the
/// same: it finds them on these ranges and reads into cells (`sheet(keeping:)`) only the
/// records it must import. The splitting follows `CSVParser`'s rules exactly (quotes, `""`,
/// LF, CRLF or a lone CR ending a record, text after a closing quote), so a record's row index
/// and fields are those the full reader gives; the fields of a kept record are parsed by
/// `CSVParser` itself.
public struct CSVRecords: Sendable {
    /// One record: its row index (blank records count, as in the reader) and its fields.
    public struct Record: Sendable {
        public let row: Int
        /// The record's bytes, without its line break.
        public let bytes: Range<Int>
        /// Indices into `fieldRanges`.
        let fields: Range<Int>
    }

    /// The file's text as UTF-8 (decoded as the reader decodes it, without a byte-order mark).
    public let text: Data
    public let separator: CSVSeparator
    /// The records holding at least one non-empty field, in file order.
    public private(set) var records: [Record] = []
    /// Whether the file stays within the reader's limits; if not, the full reader reports it.
    public private(set) var isWithinLimits = true
    private var fieldRanges: [Range<Int>] = []
    let limits: ReadLimits

    init(text: Data, separator: CSVSeparator, limits: ReadLimits) {
        // Ranges are offsets from the first byte: a slice (the text after a byte-order mark)
        // is copied to start at zero.
        self.text = text.startIndex == 0 ? text : Data(text)
        self.separator = separator
        self.limits = limits
        self.text.withUnsafeBytes { split($0) }
    }

    /// The raw bytes of field `column` of `record` (quotes included), empty past its last field.
    public func field(_ column: Int, of record: Record) -> Range<Int> {
        column < record.fields.count ? fieldRanges[record.fields.lowerBound + column] : record.bytes.upperBound..<record.bytes.upperBound
    }

    /// The text of a field as the reader gives it (unquoted, `""` as `"`, CR line breaks as LF).
    public func text(_ column: Int, of record: Record) -> String {
        let range = field(column, of: record)
        guard !range.isEmpty else { return "" }
        return text.withUnsafeBytes { buffer in
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[range])
            guard bytes.first == UInt8(ascii: "\"") else { return String(validUTF8: bytes) }
            let rows = (try? CSVParser(separator: separator, limits: limits).rows(in: bytes)) ?? []
            return rows.first?.cells.first?.value.text ?? ""
        }
    }

    /// A sheet holding only `kept` (in the order given), each at its own row index: rows
    /// between them are left out as blank rows are.
    public func sheet(named name: String, keeping kept: [Record]) -> Sheet {
        let parser = CSVParser(separator: separator, limits: limits)
        let rows = text.withUnsafeBytes { buffer in
            kept.map { record -> Row in
                let parsed = (try? parser.rows(in: UnsafeRawBufferPointer(rebasing: buffer[record.bytes]))) ?? []
                let cells = parsed.first?.cells.map { Cell(row: record.row, column: $0.address.column, value: $0.value) }
                return Row(index: record.row, cells: cells ?? [])
            }
        }
        return Sheet(name: name, rows: rows)
    }

    private mutating func split(_ text: UnsafeRawBufferPointer) {
        let separator = separator.rawValue, quote = UInt8(ascii: "\"")
        let (lineFeed, carriageReturn): (UInt8, UInt8) = (0x0A, 0x0D)
        var (index, row, recordStart, firstField, cellCount) = (0, 0, 0, 0, 0)
        var hasValue = false
        func endRecord(at end: Int) {
            let fields = firstField..<fieldRanges.count
            if hasValue { records.append(Record(row: row, bytes: recordStart..<end, fields: fields)) }
            if hasValue && (row >= limits.maxRows || fields.count > limits.maxColumns) { isWithinLimits = false }
            (row, hasValue, firstField) = (row + 1, false, fieldRanges.count)
        }
        while index < text.count {
            let start = index
            if text[index] == quote { index = Self.end(ofQuotedFieldAt: index, in: text) }
            while index < text.count, text[index] != separator, text[index] != lineFeed, text[index] != carriageReturn {
                index += 1
            }
            fieldRanges.append(start..<index)
            // `""` alone is an empty field, as the reader reads it.
            let isEmpty = index == start || (index - start == 2 && text[start] == quote && text[start + 1] == quote)
            if !isEmpty { hasValue = true; cellCount += 1 }
            if index - start > limits.maxCellBytes || cellCount > limits.maxCells { isWithinLimits = false }
            guard index < text.count else { break }
            let terminator = text[index]
            index += 1
            if terminator == separator { continue }
            let end = index - 1
            if terminator == carriageReturn, index < text.count, text[index] == lineFeed { index += 1 }
            endRecord(at: end)
            recordStart = index
        }
        if fieldRanges.count > firstField { endRecord(at: text.count) }
    }

    /// The index right after the quote closing the quoted field that starts at `start` (`""`
    /// inside is a quote, not the end), or the text's end when it is left open. Found by
    /// `memchr`: a basis field runs to a thousand bytes, and stepping through it byte by byte
    /// was most of the splitting.
    static func end(ofQuotedFieldAt start: Int, in text: UnsafeRawBufferPointer) -> Int {
        guard let base = text.baseAddress else { return start }
        var index = start + 1
        while index < text.count {
            guard let quote = memchr(base + index, Int32(UInt8(ascii: "\"")), text.count - index) else { return text.count }
            index = base.distance(to: UnsafeRawPointer(quote)) + 1
            guard index < text.count, text[index] == UInt8(ascii: "\"") else { return index }
            index += 1
        }
        return index
    }
}
