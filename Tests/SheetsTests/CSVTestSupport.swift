import Foundation
import Sheets

/// Small CSV files written for a test, read back as grids of texts.
extension ScratchFolder {
    func write(_ bytes: [UInt8]) throws -> URL { try write(bytes, named: "清单.csv") }

    func write(_ text: String) throws -> URL { try write(text, named: "清单.csv") }

    /// Reads `bytes` as a CSV file and returns its one sheet as a dense grid of texts.
    func grid(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws -> [[String]] {
        let document = try CSVReader(file: write(bytes), encoding: encoding).readDocument()
        return document.workbook.sheets.first.map(Self.grid) ?? []
    }

    func grid(_ text: String) throws -> [[String]] {
        try grid(Array(text.utf8))
    }

    /// Rows 0...last as arrays of cell texts; missing cells are "" and a blank row is [].
    static func grid(_ sheet: Sheet) -> [[String]] {
        guard let lastRow = sheet.rows.last?.index else { return [] }
        var grid = [[String]](repeating: [], count: lastRow + 1)
        for row in sheet.rows {
            var texts = [String](repeating: "", count: (row.cells.last?.address.column ?? -1) + 1)
            for cell in row.cells { texts[cell.address.column] = cell.value.text }
            grid[row.index] = texts
        }
        return grid
    }
}

/// Test text in UTF-16 with or without a byte-order mark.
enum UTF16Bytes {
    static func littleEndian(_ text: String, byteOrderMark: Bool = true) -> [UInt8] {
        (byteOrderMark ? [0xFF, 0xFE] : []) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    static func bigEndian(_ text: String, byteOrderMark: Bool = true) -> [UInt8] {
        (byteOrderMark ? [0xFE, 0xFF] : []) + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}
