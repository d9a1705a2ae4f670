extension Row {
    /// Rows as a file wrote them, put into the model's order: sorted by index, rows that share
    /// an index merged into one (hidden when any of them was), cells sorted by column. When a
    /// file repeats an address, the later value wins, as in Excel.
    ///
    /// Readers call this only after seeing something out of order: files written row by row,
    /// left to right, are the norm and should cost nothing.
    static func inSheetOrder(_ rows: [Row]) -> [Row] {
        // Sort positions, not rows: a stable order without moving every row's cell array around.
        let order = rows.indices.sorted { (rows[$0].index, $0) < (rows[$1].index, $1) }
        var merged: [Row] = []
        merged.reserveCapacity(rows.count)
        for row in order.lazy.map({ rows[$0] }) {
            if let last = merged.indices.last, merged[last].index == row.index {
                merged[last].isHidden = merged[last].isHidden || row.isHidden
                merged[last].cells += row.cells
            } else {
                merged.append(row)
            }
        }
        for index in merged.indices { merged[index].cells = inColumnOrder(merged[index].cells) }
        return merged
    }

    /// Cells sorted by column; of two at one column, the later wins.
    static func inColumnOrder(_ cells: [Cell]) -> [Cell] {
        guard zip(cells, cells.dropFirst()).contains(where: { $0.address.column >= $1.address.column }) else {
            return cells
        }
        let sorted = cells.enumerated()
            .sorted { ($0.element.address.column, $0.offset) < ($1.element.address.column, $1.offset) }
        var result: [Cell] = []
        result.reserveCapacity(cells.count)
        for cell in sorted.map(\.element) {
            if let last = result.last, last.address.column == cell.address.column {
                result[result.count - 1] = cell
            } else {
                result.append(cell)
            }
        }
        return result
    }
}
