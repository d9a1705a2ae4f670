import Concurrency
import Foundation

/// What the first walk over some rows of a sheet keeps for the second: per row its index and
/// whether it is hidden, per cell its column and shared-string index (or, for the few values
/// written inline, the cell itself), plus the extent and the column widths.
///
/// Kept so that the rows are made once, not twice: a 200,000-item check report has 780,000
/// rows of 11 texts, and making each row again (and writing its XML through `String`s) was
/// half the report's time. A cell costs 8 bytes here. Rows with a `row(at:)` source are
/// surveyed in chunks on all cores, each chunk numbering its texts locally until `share`
/// renumbers them in the workbook's table, in order — the same table, hence the same bytes, as
/// one walk over all the rows.
struct XLSXSheetSurvey {
    struct RowMark {
        var index: Int
        var isHidden: Bool
        /// One past the row's last cell in `cells`.
        var cellEnd: Int
    }

    /// `value` ≥ 0: a shared-string index; < 0: `-1 - i`, the cell `inlineCells[i]`.
    struct PackedCell {
        var column: Int32
        var value: Int32
    }

    private(set) var rows: [RowMark] = []
    private(set) var cells: [PackedCell] = []
    private(set) var inlineCells: [Cell] = []
    private(set) var extent = Extent(ranges: [])
    /// The longest line per column, in characters of the default font, at most `maximumWidth`.
    private(set) var longest: [Int] = []
    private let maximumWidth: Int
    /// Texts in the order met, numbered locally until `share`.
    private var texts: [String] = []
    private var textIndexes: [ExactText: Int32] = [:]
    /// Per column, the text met last and its index: a report's rows repeat their unit, file,
    /// item and rule row after row, found here without hashing.
    private var lastInColumn: [(text: ExactText, index: Int32)?] = []
    private var references = 0

    init(maximumWidth: Int) {
        self.maximumWidth = maximumWidth
    }

    /// Rows surveyed in order: `source`'s rows on all cores when it can make any one of them,
    /// else in one walk. Each chunk's texts are numbered in `strings` before the next's.
    static func chunks(of source: SheetSource, maximumWidth: Int, strings: inout XLSXStringTable) throws -> [XLSXSheetSurvey] {
        var chunks: [XLSXSheetSurvey]
        if let access = source.rowAccess {
            let size = 8_192
            let count = (access.count + size - 1) / size
            chunks = Concurrent.map(count) { chunk in
                var survey = XLSXSheetSurvey(maximumWidth: maximumWidth)
                for index in chunk * size..<min(access.count, (chunk + 1) * size) { survey.add(access.row(index)) }
                return survey
            }
        } else {
            var survey = XLSXSheetSurvey(maximumWidth: maximumWidth)
            try source.forEachRow { survey.add($0) }
            chunks = [survey]
        }
        for index in chunks.indices { chunks[index].share(into: &strings) }
        return chunks
    }

    mutating func add(_ row: Row) {
        extent.add(row)
        for cell in row.cells.sorted(by: { $0.address.column < $1.address.column }) {
            let column = cell.address.column
            if column >= longest.count { longest += Array(repeating: 0, count: column - longest.count + 1) }
            if longest[column] < maximumWidth {
                longest[column] = max(longest[column], XLSXParts.longestLineWidth(cell.value.text, atMost: maximumWidth))
            }
            let value: Int32
            if let text = XLSXParts.sharedText(cell.value) {
                value = localIndex(text, column: column)
            } else {
                value = -1 - Int32(inlineCells.count)
                inlineCells.append(cell)
            }
            cells.append(PackedCell(column: Int32(clamping: column), value: value))
        }
        rows.append(RowMark(index: row.index, isHidden: row.isHidden, cellEnd: cells.count))
    }

    private mutating func localIndex(_ text: String, column: Int) -> Int32 {
        references += 1
        let key = ExactText(text)
        if column >= lastInColumn.count { lastInColumn += Array(repeating: nil, count: column - lastInColumn.count + 1) }
        if let last = lastInColumn[column], last.text == key { return last.index }
        let index: Int32
        if let known = textIndexes[key] {
            index = known
        } else {
            index = Int32(texts.count)
            textIndexes[key] = index
            texts.append(text)
        }
        lastInColumn[column] = (key, index)
        return index
    }

    /// Adds the texts to the workbook's table in the order met and renumbers the cells.
    private mutating func share(into strings: inout XLSXStringTable) {
        let global = texts.map { Int32(strings.add($0, references: 0)) }
        strings.count(references: references)
        for index in cells.indices where cells[index].value >= 0 {
            cells[index].value = global[Int(cells[index].value)]
        }
        texts = []
        textIndexes = [:]
        lastInColumn = []
    }
}

/// The bounds of what a sheet holds, grown row by row as `Sheet.dimension` computes them.
struct Extent {
    var minRow = Int.max, minColumn = Int.max, maxRow = -1, maxColumn = -1

    init(ranges: [CellRange]) {
        for range in ranges {
            minRow = min(minRow, range.first.row)
            maxRow = max(maxRow, range.last.row)
            minColumn = min(minColumn, range.first.column)
            maxColumn = max(maxColumn, range.last.column)
        }
    }

    mutating func add(_ row: Row) {
        guard let firstCell = row.cells.first, let lastCell = row.cells.last else { return }
        minRow = min(minRow, row.index)
        maxRow = max(maxRow, row.index)
        minColumn = min(minColumn, firstCell.address.column)
        maxColumn = max(maxColumn, lastCell.address.column)
    }

    mutating func add(_ other: Extent) {
        minRow = min(minRow, other.minRow)
        maxRow = max(maxRow, other.maxRow)
        minColumn = min(minColumn, other.minColumn)
        maxColumn = max(maxColumn, other.maxColumn)
    }

    var range: CellRange? {
        guard maxRow >= 0 else { return nil }
        return CellRange(first: CellAddress(row: minRow, column: minColumn),
                         last: CellAddress(row: maxRow, column: maxColumn))
    }
}
