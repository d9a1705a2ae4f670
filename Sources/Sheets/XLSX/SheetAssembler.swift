/// Turns a parsed `SheetGrid` into the public `Sheet` model once the shared strings are known.
///
/// Text cells get the shared table's own `String`s (a retain, not a copy). The loop runs over
/// unsafe buffers: it touches every cell of the workbook, and array bounds checks and retains
/// of the tables would otherwise cost as much as the work itself.
struct SheetAssembler {
    let sharedStrings: [String]
    let date1904: Bool

    func sheet(named name: String, isHidden: Bool, from grid: SheetGrid) -> Sheet {
        var rows: [Row] = []
        rows.reserveCapacity(grid.rows.count)
        var rowsInOrder = true
        sharedStrings.withUnsafeBufferPointer { shared in
            grid.texts.withUnsafeBufferPointer { texts in
                grid.cells.withUnsafeBufferPointer { rawCells in
                    for (position, raw) in grid.rows.enumerated() {
                        let end = position + 1 < grid.rows.count ? grid.rows[position + 1].firstCell : rawCells.count
                        var cells: [Cell] = []
                        cells.reserveCapacity(end - raw.firstCell)
                        var cellsInOrder = true
                        for rawCell in rawCells[raw.firstCell..<end] {
                            guard let value = value(of: rawCell, shared: shared, texts: texts) else { continue }
                            if let last = cells.last, last.address.column >= Int(rawCell.column) { cellsInOrder = false }
                            cells.append(Cell(row: raw.index, column: Int(rawCell.column), value: value))
                        }
                        if !cellsInOrder { cells = Row.inColumnOrder(cells) }
                        guard !cells.isEmpty || raw.isHidden else { continue }
                        if let last = rows.last, last.index >= raw.index { rowsInOrder = false }
                        rows.append(Row(index: raw.index, isHidden: raw.isHidden, cells: cells))
                    }
                }
            }
        }
        if !rowsInOrder { rows = Row.inSheetOrder(rows) }
        return Sheet(name: name, isHidden: isHidden, rows: rows, mergedRanges: grid.mergedRanges)
    }

    @inline(__always)
    private func value(of cell: SheetGrid.RawCell, shared: UnsafeBufferPointer<String>,
                       texts: UnsafeBufferPointer<String>) -> CellValue? {
        switch cell.kind {
        case .number:
            return .number(Double(bitPattern: cell.payload))
        case .dateSerial:
            let serial = Double(bitPattern: cell.payload)
            return ExcelDate.isoText(serial: serial, date1904: date1904).map(CellValue.date) ?? .number(serial)
        case .sharedString:
            guard cell.payload < shared.count else { return nil } // an index past the table: empty
            let string = shared[Int(cell.payload)]
            return string.isEmpty ? nil : .text(string)
        case .text, .isoDate, .error:
            guard cell.payload < texts.count else { return nil }
            let string = texts[Int(cell.payload)]
            return cell.kind == .text ? .text(string)
                : cell.kind == .error ? .error(string) : .date(ExcelDate.isoText(written: string))
        case .bool:
            return .bool(cell.payload != 0)
        }
    }
}
