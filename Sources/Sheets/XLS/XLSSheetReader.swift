/// Reads one worksheet substream (BOF … EOF) into a `Sheet`.
struct XLSSheetReader {
    let stream: BIFFStream
    let globals: XLSWorkbookGlobals

    /// The worksheet, or nil when the substream turns out to be a chart or macro sheet.
    func read(_ entry: XLSWorkbookGlobals.SheetEntry) throws(XLSReadError) -> Sheet? {
        do {
            return try readCells(entry)
        } catch {
            var located = error
            located.sheet = located.sheet ?? entry.name
            throw located
        }
    }

    private func readCells(_ entry: XLSWorkbookGlobals.SheetEntry) throws(XLSReadError) -> Sheet? {
        guard let first = try stream.record(at: entry.streamOffset) else {
            throw XLSReadError("工作表的起始位置（第 \(entry.streamOffset) 字节）超出 Workbook 数据流")
        }
        guard try BIFFBeginning(first, in: stream).kind == .worksheet else { return nil }
        var grid = Grid()
        // A FORMULA with a text result is followed (after SHRFMLA/ARRAY, if any) by a STRING record.
        var formulaAwaitingText: CellAddress?
        // Embedded charts bring their own BOF … EOF; their records are not this sheet's cells.
        var nesting = 0
        var offset = first.end
        while let record = try stream.record(at: offset) {
            offset = record.end
            switch record.type {
            case BIFFRecordType.bof:
                nesting += 1
            case BIFFRecordType.eof where nesting == 0:
                return grid.sheet(named: entry.name, isHidden: entry.isHidden)
            case BIFFRecordType.eof:
                nesting -= 1
            case _ where nesting > 0:
                break
            default:
                do {
                    try read(record, into: &grid, formulaAwaitingText: &formulaAwaitingText)
                } catch {
                    throw located(error, at: record)
                }
            }
        }
        // Some writers end the stream without the sheet's EOF; keep what was read.
        return grid.sheet(named: entry.name, isHidden: entry.isHidden)
    }

    /// One record of the sheet's own (not an embedded chart's).
    private func read(_ record: BIFFRecord, into grid: inout Grid,
                      formulaAwaitingText: inout CellAddress?) throws(XLSReadError) {
        switch record.type {
        case BIFFRecordType.labelSST:
            let address = try cellAddress(record)
            let index = try stream.u32(record, 6)
            guard index < globals.sharedStrings.count else {
                throw XLSReadError("共享字符串编号 \(index) 超出范围（共 \(globals.sharedStrings.count) 个）",
                                   cell: address)
            }
            grid.add(address, .text(globals.sharedStrings[index]))
        case BIFFRecordType.number:
            grid.add(try cellAddress(record), number(try stream.f64(record, 6), xf: try stream.u16(record, 4)))
        case BIFFRecordType.rk:
            grid.add(try cellAddress(record), number(BIFFValue.rk(try stream.u32(record, 6)), xf: try stream.u16(record, 4)))
        case BIFFRecordType.mulRK:
            try addMultipleRK(record, to: &grid)
        case BIFFRecordType.label, BIFFRecordType.richLabel:
            var reader = try BIFFContinuedReader(stream, record, from: 6)
            grid.add(try cellAddress(record), .text(try reader.unicodeString()))
        case BIFFRecordType.boolErr:
            let value = try stream.u8(record, 6)
            grid.add(try cellAddress(record),
                     try stream.u8(record, 7) != 0 ? .error(BIFFValue.errorText(value)) : .bool(value != 0))
        case BIFFRecordType.formula:
            let address = try cellAddress(record)
            formulaAwaitingText = nil
            switch try formulaResult(record) {
            case .value(let value): grid.add(address, value)
            case .textInNextRecord: formulaAwaitingText = address
            case .noValue: break
            }
        case BIFFRecordType.string:
            if let address = formulaAwaitingText {
                var reader = try BIFFContinuedReader(stream, record)
                grid.add(address, .text(try reader.unicodeString()))
                formulaAwaitingText = nil
            }
        case BIFFRecordType.row:
            if try stream.u32(record, 12) & 0x20 != 0 { grid.hideRow(try stream.u16(record, 0)) }
        case BIFFRecordType.mergedCells:
            grid.merge(try mergedCells(record))
        default:
            break  // BLANK, MULBLANK, formatting, SHRFMLA, CONTINUE…: nothing a reader of values needs
        }
    }

    /// Names the cell of a damaged cell record: its first four bytes are the cell's row and column.
    private func located(_ error: XLSReadError, at record: BIFFRecord) -> XLSReadError {
        var located = error
        if located.cell == nil, BIFFRecordType.cellRecords.contains(record.type) {
            located.cell = try? cellAddress(record)
        }
        return located
    }

    private func cellAddress(_ record: BIFFRecord) throws(XLSReadError) -> CellAddress {
        CellAddress(row: try stream.u16(record, 0), column: try stream.u16(record, 2))
    }

    /// A number, shown as a date when its XF's number format is a date format.
    private func number(_ value: Double, xf: Int) -> CellValue {
        if xf < globals.dateFormattedXFs.count, globals.dateFormattedXFs[xf],
           let iso = ExcelDate.isoText(serial: value, date1904: globals.date1904) {
            return .date(iso)
        }
        return .number(value)
    }

    /// MULRK: a run of RK numbers in one row, each with its own XF.
    private func addMultipleRK(_ record: BIFFRecord, to grid: inout Grid) throws(XLSReadError) {
        let row = try stream.u16(record, 0)
        let firstColumn = try stream.u16(record, 2)
        let count = max(0, (record.length - 6) / 6)
        for index in 0..<count {
            let xf = try stream.u16(record, 4 + 6 * index)
            let value = BIFFValue.rk(try stream.u32(record, 6 + 6 * index))
            grid.add(CellAddress(row: row, column: firstColumn + index), number(value, xf: xf))
        }
    }

    private enum FormulaResult {
        case value(CellValue)
        /// The text result is in the STRING record that follows.
        case textInNextRecord
        case noValue
    }

    /// The cached result of a FORMULA: a number, or (marked by 0xFFFF in the top bytes) a
    /// text, a boolean, an error or an empty text.
    private func formulaResult(_ record: BIFFRecord) throws(XLSReadError) -> FormulaResult {
        guard try stream.u16(record, 12) == 0xFFFF else {
            return .value(number(try stream.f64(record, 6), xf: try stream.u16(record, 4)))
        }
        switch try stream.u8(record, 6) {
        case 0: return .textInNextRecord
        case 1: return .value(.bool(try stream.u8(record, 8) != 0))
        case 2: return .value(.error(BIFFValue.errorText(try stream.u8(record, 8))))
        default: return .noValue  // 3: an empty text, which is an empty cell
        }
    }

    private func mergedCells(_ record: BIFFRecord) throws(XLSReadError) -> [CellRange] {
        let count = try stream.u16(record, 0)
        try stream.require(record, 2 + 8 * count)
        return try (0..<count).map { (index) throws(XLSReadError) in
            let base = 2 + 8 * index
            return CellRange(first: CellAddress(row: try stream.u16(record, base), column: try stream.u16(record, base + 4)),
                             last: CellAddress(row: try stream.u16(record, base + 2), column: try stream.u16(record, base + 6)))
        }
    }
}

extension XLSSheetReader {
    /// Rows built as cells arrive, and merged ranges. Writers emit cells row by row, left to right, so rows are
    /// normally appended in place; any other order is sorted once at the end.
    struct Grid {
        private var rows: [Row] = []
        /// The row being filled, kept apart from `rows` so appending never copies it.
        private var currentRow = -1
        private var currentCells: [Cell] = []
        private var hiddenRows: Set<Int> = []
        private var isInOrder = true
        private var mergedRanges: [CellRange] = []

        /// Adds a cell; empty text is an empty cell and is not kept.
        mutating func add(_ address: CellAddress, _ value: CellValue) {
            if case .text(let text) = value, text.isEmpty { return }
            if address.row != currentRow {
                if address.row < currentRow { isInOrder = false }
                finishRow()
                currentRow = address.row
            } else if let previous = currentCells.last, previous.address.column >= address.column {
                isInOrder = false
            }
            currentCells.append(Cell(address: address, value: value))
        }

        private mutating func finishRow() {
            guard !currentCells.isEmpty else { return }
            rows.append(Row(index: currentRow, cells: currentCells))
            currentCells.removeAll(keepingCapacity: true)
        }

        mutating func hideRow(_ row: Int) {
            hiddenRows.insert(row)
        }

        mutating func merge(_ ranges: [CellRange]) {
            mergedRanges += ranges
        }

        /// The sheet in the model's order (`Row.inSheetOrder`), hidden rows marked (and kept
        /// even when empty).
        func sheet(named name: String, isHidden: Bool) -> Sheet {
            var grid = self
            grid.finishRow()
            var rows = isInOrder ? grid.rows : Row.inSheetOrder(grid.rows)
            if !hiddenRows.isEmpty {
                // Marked in place rather than through `inSheetOrder`, which would sort every row again.
                for index in rows.indices where hiddenRows.contains(rows[index].index) { rows[index].isHidden = true }
                let emptyHiddenRows = hiddenRows.subtracting(rows.map(\.index))
                if !emptyHiddenRows.isEmpty {
                    rows += emptyHiddenRows.map { Row(index: $0, isHidden: true, cells: []) }
                    rows.sort { $0.index < $1.index }
                }
            }
            return Sheet(name: name, isHidden: isHidden, rows: rows, mergedRanges: mergedRanges)
        }
    }
}
