import Foundation

/// The real format of a spreadsheet file, found from its content rather than its name.
public enum SpreadsheetFormat: String, Sendable, CaseIterable {
    /// Office Open XML workbook (a ZIP package), `.xlsx`.
    case xlsx
    /// Legacy Excel 97–2003 workbook (BIFF8 inside an OLE2 compound file), `.xls`.
    case xls
    /// Delimited text: CSV, TSV or semicolon-separated.
    case csv

    /// How the format is named to a user.
    public var displayName: String {
        switch self {
        case .xlsx: "XLSX（Office Open XML 工作簿）"
        case .xls: "XLS（Excel 97-2003 旧格式工作簿）"
        case .csv: "CSV（分隔符文本）"
        }
    }
}

/// A cell: its position and its value.
public struct Cell: Hashable, Sendable {
    public var address: CellAddress
    public var value: CellValue

    public init(address: CellAddress, value: CellValue) {
        self.address = address
        self.value = value
    }

    public init(row: Int, column: Int, value: CellValue) {
        self.init(address: CellAddress(row: row, column: column), value: value)
    }
}

/// One row of a sheet: only its non-empty cells, in column order.
public struct Row: Hashable, Sendable {
    /// Zero-based row index.
    public var index: Int
    public var isHidden: Bool
    /// Non-empty cells sorted by column.
    public var cells: [Cell]

    public init(index: Int, isHidden: Bool = false, cells: [Cell]) {
        self.index = index
        self.isHidden = isHidden
        self.cells = cells
    }

    /// The value in `column`, nil when that cell is empty.
    public subscript(column: Int) -> CellValue? {
        var low = 0
        var high = cells.count
        while low < high {
            let mid = (low + high) / 2
            if cells[mid].address.column < column { low = mid + 1 } else { high = mid }
        }
        return low < cells.count && cells[low].address.column == column ? cells[low].value : nil
    }
}

/// A worksheet as a sparse grid: rows that hold at least one value (or are hidden), and merged ranges.
public struct Sheet: Hashable, Sendable {
    public var name: String
    public var isHidden: Bool
    /// Rows with content or a hidden flag, sorted by index; blank rows are absent.
    public var rows: [Row]
    public var mergedRanges: [CellRange]

    public init(name: String, isHidden: Bool = false, rows: [Row] = [], mergedRanges: [CellRange] = []) {
        self.name = name
        self.isHidden = isHidden
        self.rows = rows
        self.mergedRanges = mergedRanges
    }

    /// The smallest range holding every non-empty cell and merged range; nil for an empty sheet.
    public var dimension: CellRange? {
        var minRow = Int.max, minColumn = Int.max, maxRow = -1, maxColumn = -1
        for row in rows {
            guard let firstCell = row.cells.first, let lastCell = row.cells.last else { continue }
            minRow = min(minRow, row.index)
            maxRow = max(maxRow, row.index)
            minColumn = min(minColumn, firstCell.address.column)
            maxColumn = max(maxColumn, lastCell.address.column)
        }
        for range in mergedRanges {
            minRow = min(minRow, range.first.row)
            maxRow = max(maxRow, range.last.row)
            minColumn = min(minColumn, range.first.column)
            maxColumn = max(maxColumn, range.last.column)
        }
        guard maxRow >= 0 else { return nil }
        return CellRange(first: CellAddress(row: minRow, column: minColumn),
                         last: CellAddress(row: maxRow, column: maxColumn))
    }

    /// Number of non-empty cells.
    public var cellCount: Int { rows.reduce(0) { $0 + $1.cells.count } }

    /// The value at `address`, nil when empty. Binary search: O(log rows + log cells).
    public subscript(address: CellAddress) -> CellValue? {
        var low = 0
        var high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if rows[mid].index < address.row { low = mid + 1 } else { high = mid }
        }
        guard low < rows.count, rows[low].index == address.row else { return nil }
        return rows[low][address.column]
    }

    /// `Sheet1!D12`, quoting the sheet name as Excel does when it needs quotes.
    public func reference(_ address: CellAddress) -> String {
        "\(Sheet.quotedName(name))!\(address)"
    }

    /// A sheet name as it stands in a formula reference: `'行政许可（3项）'` or `Sheet1`.
    public static func quotedName(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        return plain && !name.isEmpty ? name : "'\(name.replacingOccurrences(of: "'", with: "''"))'"
    }
}

/// A spreadsheet file read into memory: its real format and its sheets in workbook order.
public struct Workbook: Hashable, Sendable {
    /// The file it was read from.
    public var file: URL
    public var format: SpreadsheetFormat
    public var sheets: [Sheet]

    public init(file: URL, format: SpreadsheetFormat, sheets: [Sheet]) {
        self.file = file
        self.format = format
        self.sheets = sheets
    }

    public subscript(sheetNamed name: String) -> Sheet? {
        sheets.first { $0.name == name }
    }
}
