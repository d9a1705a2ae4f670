import Foundation

/// Reads an Office Open XML workbook (.xlsx): a ZIP package of XML parts, streamed through libxml2.
///
/// The shared-string table and the worksheets are independent, so they are inflated and parsed
/// on all cores at once; each sheet is kept as a compact grid of string indices until the
/// table is complete, then turned into a `Sheet` whose text cells share the table's strings.
struct XLSXReader {
    let file: URL
    var limits = ReadLimits.excel

    func read() throws(SheetsError) -> Workbook {
        let budget = InflationBudget(limits: limits)
        let package = try XLSXPackage(file: file, budget: budget)
        let layout = try XLSXWorkbookLayout.read(from: package)
        let styles = try layout.stylesPart.map { part throws(SheetsError) in
            try StyleSheet.read(from: package, part: part)
        } ?? StyleSheet()

        let results = ParallelResults(sheetCount: layout.sheets.count)
        // Job 0 reads the shared strings, job n reads sheet n-1. ZIP archives are not
        // thread-safe, so every job opens its own.
        DispatchQueue.concurrentPerform(iterations: layout.sheets.count + 1) { job in
            do throws(SheetsError) {
                let package = try XLSXPackage(file: file, budget: budget)
                if job == 0 {
                    guard let part = layout.sharedStringsPart else { return }
                    results.store(sharedStrings: try SharedStrings.read(from: package, part: part, limits: limits))
                } else {
                    let sheet = layout.sheets[job - 1]
                    // A cell takes about 45 bytes of XML; reserving up front spares the
                    // cell list repeated copies as it grows (capped: the size is only a hint).
                    let expectedCells = min(package.declaredSize(of: sheet.part) / 48, 1 << 25, limits.maxCells)
                    results.store(grid: try package.sheetGrid(sheet.part, styles: styles, expectedCells: expectedCells,
                                                              limits: limits, sheet: sheet.name), at: job - 1)
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
