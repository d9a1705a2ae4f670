import Foundation

/// Splits UTF-8 delimited text (validated: `TextDecoder`'s) into rows of text cells, following RFC 4180.
///
/// - A field that starts with `"` is quoted: it may hold separators and line breaks, and `""`
///   stands for one `"`. Text after the closing quote up to the next separator is kept as
///   written (`"a"b` → `ab`), as Excel does. A `"` inside an unquoted field is literal.
/// - Records end at LF, CRLF or a lone CR. A final line break does not start another record.
///   Line breaks inside a quoted field are stored as `\n`, as in an XLSX cell.
/// - A quote left open at the end of the file keeps everything after it as the field's text,
///   so no data is lost; the cell then shows where the file went wrong.
/// - Rows may have different lengths. Empty fields are not stored and blank records leave
///   a gap in the row indices, so row numbers match the file's records.
/// - No type guessing: every cell is `.text`, exactly as written (`001` stays `001`).
/// - A record past `limits.maxRows`, a field past `maxColumns` or `maxCellCharacters`, or a
///   sheet past `maxCells` stops the parse: a 30-million-row file is refused at row 1,048,577.
struct CSVParser {
    let separator: CSVSeparator
    var limits = ReadLimits.excel

    func rows(in text: UnsafeRawBufferPointer) throws(ReadLimitBreach) -> [Row] {
        let separator = separator.rawValue
        let quote = UInt8(ascii: "\""), lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
        let count = text.count
        var rows: [Row] = []
        var cells: [Cell] = []
        var rowIndex = 0
        var column = 0
        var cellCount = 0
        var unescaped: [UInt8] = []
        var index = 0

        func isFieldEnd(_ byte: UInt8) -> Bool {
            byte == separator || byte == lineFeed || byte == carriageReturn
        }
        func append(_ range: Range<Int>, to bytes: inout [UInt8]) {
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[range]))
        }
        func endRecord() {
            if !cells.isEmpty {
                rows.append(Row(index: rowIndex, cells: cells))
                cells.removeAll(keepingCapacity: true)
            }
            rowIndex += 1
            column = 0
        }

        while index < count {
            // At the start of a field.
            let value: String
            let fieldStart = index
            if text[index] == quote {
                index += 1
                unescaped.removeAll(keepingCapacity: true)
                var segmentStart = index
                var closed = false
                while index < count {
                    let byte = text[index]
                    if byte == quote {
                        append(segmentStart..<index, to: &unescaped)
                        index += 1
                        if index < count, text[index] == quote {
                            unescaped.append(quote)
                            index += 1
                            segmentStart = index
                        } else {
                            closed = true
                            break
                        }
                    } else if byte == carriageReturn {
                        append(segmentStart..<index, to: &unescaped)
                        unescaped.append(lineFeed)
                        index += 1
                        if index < count, text[index] == lineFeed { index += 1 }
                        segmentStart = index
                    } else {
                        index = nextQuoteOrCarriageReturn(in: text, from: index)
                    }
                }
                // Refused before the copy: a 1.5 GB field must not become a 1.5 GB string.
                try checkLength(index - fieldStart, row: rowIndex, column: column)
                if !closed { append(segmentStart..<count, to: &unescaped) }
                let trailingStart = index
                while index < count, !isFieldEnd(text[index]) { index += 1 }
                append(trailingStart..<index, to: &unescaped)
                value = unescaped.withUnsafeBytes { String(validUTF8: $0) }
            } else {
                let start = index
                while index < count, !isFieldEnd(text[index]) { index += 1 }
                try checkLength(index - start, row: rowIndex, column: column)
                value = String(validUTF8: UnsafeRawBufferPointer(rebasing: text[start..<index]))
            }
            if !value.isEmpty {
                try check(value, row: rowIndex, column: column, cellCount: &cellCount)
                cells.append(Cell(row: rowIndex, column: column, value: .text(value)))
            }
            column += 1

            // What ended the field: a separator, a line break or the end of the text.
            guard index < count else { break }
            let terminator = text[index]
            index += 1
            if terminator == separator { continue }
            if terminator == carriageReturn, index < count, text[index] == lineFeed { index += 1 }
            endRecord()
        }
        // The last record had no line break after it (or ended with a separator).
        if column > 0 { endRecord() }
        return rows
    }

    /// The first `"` or CR at or after `start`, or the end: found by `memchr`, since quoted
    /// fields (a legal basis) run to a thousand bytes.
    private func nextQuoteOrCarriageReturn(in text: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard let base = text.baseAddress else { return text.count }
        func first(_ byte: UInt8, before end: Int) -> Int {
            memchr(base + start, Int32(byte), end - start).map { base.distance(to: UnsafeRawPointer($0)) } ?? end
        }
        return first(0x0D, before: first(UInt8(ascii: "\""), before: text.count))
    }

    /// A field's raw bytes: more than `maxCellBytes` cannot be `maxCellCharacters` characters.
    private func checkLength(_ bytes: Int, row: Int, column: Int) throws(ReadLimitBreach) {
        guard bytes > limits.maxCellBytes else { return }
        throw ReadLimitBreach(violation: .cellCharacters(limit: limits.maxCellCharacters),
                              cell: CellAddress(row: row, column: column))
    }

    /// Checks one non-empty field against the limits before it is stored.
    private func check(_ value: String, row: Int, column: Int, cellCount: inout Int) throws(ReadLimitBreach) {
        let cell = CellAddress(row: row, column: column)
        if row >= limits.maxRows { throw ReadLimitBreach(violation: .rows(limit: limits.maxRows), cell: cell) }
        if column >= limits.maxColumns { throw ReadLimitBreach(violation: .columns(limit: limits.maxColumns), cell: cell) }
        // utf8.count is O(1) for a native string; utf16 is counted only when it could matter.
        if value.utf8.count > limits.maxCellCharacters, value.utf16.count > limits.maxCellCharacters {
            throw ReadLimitBreach(violation: .cellCharacters(limit: limits.maxCellCharacters), cell: cell)
        }
        cellCount += 1
        if cellCount > limits.maxCells { throw ReadLimitBreach(violation: .cells(limit: limits.maxCells), cell: cell) }
    }
}
