import Sheets

/// Merged ranges of a sheet, walked top to bottom together with its rows: which column is
/// covered by a range that began above, and which range begins at a cell.
///
/// Ranges are sorted once by first row and activated as the walk reaches them, so a sheet
/// with hundreds of thousands of merged ranges costs O(ranges · log ranges + rows · columns).
struct MergeWalker {
    private let ranges: [CellRange]
    private var next = 0
    /// The table's columns, sorted. Coverage elsewhere is not tracked, so a title merged over
    /// the whole width, or a stray cell far to the right, costs nothing per row.
    let columns: [Int]
    /// Per column up to the last tracked one: its slot in `columns`. An array rather than a
    /// dictionary, as it is looked up for every cell of the table.
    private let slotOfColumn: [Int?]
    /// Per tracked column: the latest range that covers it.
    private var active: [CellRange?]

    init(_ mergedRanges: [CellRange], columns: [Int]) {
        ranges = mergedRanges.sorted { $0.first.row < $1.first.row }
        self.columns = columns
        var slots = [Int?](repeating: nil, count: max(0, (columns.max() ?? -1) + 1))
        for (slot, column) in columns.enumerated() where column >= 0 && slots[column] == nil { slots[column] = slot }
        slotOfColumn = slots
        active = Array(repeating: nil, count: columns.count)
    }

    /// Activates every range that begins at or above `row`; call with increasing rows.
    mutating func advance(to row: Int) {
        while next < ranges.count, ranges[next].first.row <= row {
            let range = ranges[next]
            next += 1
            guard range.rowCount > 1 || range.columnCount > 1 else { continue }
            var slot = firstSlot(atOrAfter: range.first.column)
            while slot < columns.count, columns[slot] <= range.last.column {
                active[slot] = range
                slot += 1
            }
        }
    }

    /// The range covering (`row`, `column`), if any (after `advance(to: row)`).
    func range(atRow row: Int, column: Int) -> CellRange? {
        guard slotOfColumn.indices.contains(column), let slot = slotOfColumn[column], let range = active[slot],
              range.first.row <= row, range.last.row >= row else { return nil }
        return range
    }

    /// The range covering (`row`, `column`) that began in an earlier row: the cell only
    /// continues the merged cell above and holds no value of its own.
    func rangeFromAbove(row: Int, column: Int) -> CellRange? {
        guard let range = range(atRow: row, column: column), range.first.row < row else { return nil }
        return range
    }

    /// The last row of the ranges that begin in `row` within the table, at least `row`.
    func lastRowOfRanges(beginningIn row: Int) -> Int {
        var last = row
        for case let range? in active where range.first.row == row { last = max(last, range.last.row) }
        return last
    }

    private func firstSlot(atOrAfter column: Int) -> Int {
        var low = 0, high = columns.count
        while low < high {
            let mid = (low + high) / 2
            if columns[mid] < column { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
