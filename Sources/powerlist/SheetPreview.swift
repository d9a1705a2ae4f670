import Sheets

/// The first rows of a sheet as a table: Excel row numbers, column letters, and cell text
/// made visible — line breaks as `↵`, cells covered by a merged range as `〃`, long text cut with `…`.
struct SheetPreview {
    var sheet: Sheet
    /// How many rows to show, counted from the first row of the sheet's used range.
    var rowLimit: Int
    /// How many columns to show, counted from the first column of the used range.
    var columnLimit: Int
    /// The widest a cell may be, in terminal columns.
    var cellWidth: Int

    static let lineBreakMark = "↵"
    static let mergedMark = "〃"

    /// The table, or nil for an empty sheet or a zero row limit.
    func table() -> TextTable? {
        guard rowLimit > 0, columnLimit > 0, let range = sheet.dimension else { return nil }
        let lastRow = min(range.last.row, range.first.row + rowLimit - 1)
        let columns = range.first.column...min(range.last.column, range.first.column + columnLimit - 1)
        let rowsByIndex = Dictionary(sheet.rows.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        // Only the merged ranges that reach into the shown rows matter.
        let merges = sheet.mergedRanges.filter { $0.first.row <= lastRow && $0.last.row >= range.first.row }

        var rows: [[String]] = []
        for index in range.first.row...lastRow {
            let row = rowsByIndex[index]
            var line = [label(row: index, hidden: row?.isHidden == true)]
            for column in columns {
                let address = CellAddress(row: index, column: column)
                if let value = row?[column] {
                    line.append(display(value.text))
                } else if merges.contains(where: { $0.contains(address) && $0.first != address }) {
                    line.append(Self.mergedMark)
                } else {
                    line.append("")
                }
            }
            rows.append(line)
        }
        return TextTable(header: ["行"] + columns.map(CellAddress.columnName), rows: rows)
    }

    /// How many rows and columns of the sheet's used range are not shown.
    var hiddenByLimits: (rows: Int, columns: Int) {
        guard let range = sheet.dimension else { return (0, 0) }
        return (max(0, range.rowCount - rowLimit), max(0, range.columnCount - columnLimit))
    }

    private func label(row index: Int, hidden: Bool) -> String {
        hidden ? "\(index + 1)（隐藏）" : "\(index + 1)"
    }

    /// Cell text on one line: line breaks marked, tabs and other control characters as spaces.
    func display(_ text: String) -> String {
        var visible = ""
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCarriageReturn:
                continue
            case "\n", "\r", "\u{2028}", "\u{2029}":
                visible += Self.lineBreakMark
            case _ where scalar.properties.generalCategory == .control:
                visible += " "
            default:
                visible.unicodeScalars.append(scalar)
            }
        }
        return DisplayWidth.truncate(visible, to: cellWidth)
    }
}
