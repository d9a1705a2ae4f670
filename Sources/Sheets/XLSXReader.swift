import Foundation

/// Reads an Office Open XML workbook (.xlsx): a ZIP package of XML parts, streamed through libxml2.
///
/// The shared-string table and the worksheets are independent, so they are inflated and parsed
/// on all cores at once; each sheet is kept as a compact grid of string indices until the
/// table is complete, then turned into a `Sheet` whose text cells share the table's strings.
struct XLSXReader {
    let file: URL

    func read() throws(SheetsError) -> Workbook {
        let package = try XLSXPackage(file: file)
        let layout = try XLSXWorkbookLayout.read(from: package)
        let styles = try layout.stylesPart.map { part throws(SheetsError) in
            try StyleSheet.read(from: package, part: part)
        } ?? StyleSheet()

        let results = ParallelResults(sheetCount: layout.sheets.count)
        // Job 0 reads the shared strings, job n reads sheet n-1. ZIP archives are not
        // thread-safe, so every job opens its own.
        DispatchQueue.concurrentPerform(iterations: layout.sheets.count + 1) { job in
            do throws(SheetsError) {
                let package = try XLSXPackage(file: file)
                if job == 0 {
                    guard let part = layout.sharedStringsPart else { return }
                    results.store(sharedStrings: try SharedStrings.read(from: package, part: part))
                } else {
                    let sheet = layout.sheets[job - 1]
                    let handler = SheetXMLHandler(styles: styles)
                    try package.parse(sheet.part, with: handler, sheet: sheet.name)
                    results.store(grid: handler.grid, at: job - 1)
                }
            } catch {
                results.store(error: error, job: job)
            }
        }
        if let error = results.firstError { throw error }

        var sheets: [Sheet] = []
        for (index, entry) in layout.sheets.enumerated() {
            let grid = results.takeGrid(at: index)
            sheets.append(SheetAssembler(sharedStrings: results.sharedStrings, date1904: layout.date1904)
                .sheet(named: entry.name, isHidden: entry.isHidden, from: grid))
        }
        return Workbook(file: file, format: .xlsx, sheets: sheets)
    }
}

/// What the parallel jobs hand back, behind a lock.
private final class ParallelResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var sharedStrings: [String] = []
    private var grids: [SheetGrid?]
    private var errors: [Int: SheetsError] = [:]

    init(sheetCount: Int) {
        grids = Array(repeating: nil, count: sheetCount)
    }

    func store(sharedStrings: [String]) {
        lock.withLock { self.sharedStrings = sharedStrings }
    }

    func store(grid: SheetGrid, at index: Int) {
        lock.withLock { grids[index] = grid }
    }

    func store(error: SheetsError, job: Int) {
        lock.withLock { errors[job] = error }
    }

    /// The error of the earliest job: the shared strings, then sheets in workbook order.
    var firstError: SheetsError? {
        lock.withLock { errors.min { $0.key < $1.key }?.value }
    }

    /// Hands a grid over and forgets it, so its memory goes as soon as its sheet is built.
    func takeGrid(at index: Int) -> SheetGrid {
        lock.withLock {
            defer { grids[index] = nil }
            return grids[index] ?? SheetGrid()
        }
    }
}

/// Turns a parsed grid into the public `Sheet` model.
struct SheetAssembler {
    let sharedStrings: [String]
    let date1904: Bool

    func sheet(named name: String, isHidden: Bool, from grid: SheetGrid) -> Sheet {
        var rows: [Row] = []
        rows.reserveCapacity(grid.rows.count)
        var rowsInOrder = true
        for (position, raw) in grid.rows.enumerated() {
            let end = position + 1 < grid.rows.count ? grid.rows[position + 1].firstCell : grid.cells.count
            var cells: [Cell] = []
            cells.reserveCapacity(end - raw.firstCell)
            var cellsInOrder = true
            for rawCell in grid.cells[raw.firstCell..<end] {
                guard let value = value(of: rawCell, in: grid) else { continue }
                if let last = cells.last, last.address.column >= Int(rawCell.column) { cellsInOrder = false }
                cells.append(Cell(row: raw.index, column: Int(rawCell.column), value: value))
            }
            if !cellsInOrder { cells = Self.sortedByColumn(cells) }
            guard !cells.isEmpty || raw.isHidden else { continue }
            if let last = rows.last, last.index >= raw.index { rowsInOrder = false }
            rows.append(Row(index: raw.index, isHidden: raw.isHidden, cells: cells))
        }
        if !rowsInOrder { rows = Self.sortedByIndex(rows) }
        return Sheet(name: name, isHidden: isHidden, rows: rows, mergedRanges: grid.mergedRanges)
    }

    @inline(__always)
    private func value(of cell: SheetGrid.RawCell, in grid: SheetGrid) -> CellValue? {
        switch cell.kind {
        case .number:
            return .number(Double(bitPattern: cell.payload))
        case .dateSerial:
            let serial = Double(bitPattern: cell.payload)
            return ExcelDate.isoText(serial: serial, date1904: date1904).map(CellValue.date) ?? .number(serial)
        case .sharedString:
            guard cell.payload < sharedStrings.count else { return nil }
            let string = sharedStrings[Int(cell.payload)]
            return string.isEmpty ? nil : .text(string)
        case .text:
            return .text(grid.texts[Int(cell.payload)])
        case .isoDate:
            return .date(grid.texts[Int(cell.payload)])
        case .error:
            return .error(grid.texts[Int(cell.payload)])
        case .bool:
            return .bool(cell.payload != 0)
        }
    }

    /// Cells written out of column order: sort them, the later of two at one column wins.
    private static func sortedByColumn(_ cells: [Cell]) -> [Cell] {
        var byColumn: [Int: Cell] = [:]
        for cell in cells { byColumn[cell.address.column] = cell }
        return byColumn.values.sorted { $0.address.column < $1.address.column }
    }

    /// Rows written out of order: sort them, merging the cells of rows that share an index.
    private static func sortedByIndex(_ rows: [Row]) -> [Row] {
        var merged: [Row] = []
        for row in rows.enumerated().sorted(by: { ($0.element.index, $0.offset) < ($1.element.index, $1.offset) }) {
            if var last = merged.last, last.index == row.element.index {
                last.isHidden = last.isHidden || row.element.isHidden
                last.cells = sortedByColumn(last.cells + row.element.cells)
                merged[merged.count - 1] = last
            } else {
                merged.append(row.element)
            }
        }
        return merged
    }
}
