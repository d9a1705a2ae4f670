import Schemas
import Catalogue
import Sheets

/// A cell's text as it goes into an item, with the cell (or merged range) it came from.
struct CellText: Equatable {
    var text: String
    /// The cell, the merged range, or the cells of text continued over several rows. Kept as
    /// a range while grouping: it is written as text (`reference`) only when needed.
    var cells: CellRange

    /// `D12`, or `D12:D14` for a merged cell or text continued over several rows.
    var reference: String { cells.reference }
}

/// The rows of one item (or sub-item) and the text of each of its columns.
struct GroupedItem {
    var firstRow: Int
    var lastRow: Int
    var isSubItem = false
    var values = ColumnValues()
}

/// Groups the data rows under a header into items.
///
/// - A row whose serial or name cell holds a value of its own starts an item; its merged
///   cells (a merged range's value is in its top-left cell) span the item's rows.
/// - A row with a sub-item name of its own, under an item, starts a sibling sub-item that
///   shares the item's serial and name.
/// - Any other row with values of its own continues the item above: its text is appended
///   to the same columns after a line break. Rows that only continue merged cells, and
///   blank rows, add nothing.
///
/// Items are handed over one by one as they end, so that a large sheet never holds all its
/// groups at once: only the item being read and the last main item are kept.
struct RowGrouper {
    var sheet: Sheet
    var columns: ColumnMap
    var schema: HeaderSchema
    var firstDataRow: Int
    var place: SheetPlace

    private(set) var findings: [Finding] = []
    /// Rows (1-based) of items that start on a hidden row: imported, but worth a look.
    private(set) var hiddenItemRows: [Int] = []
    private var walker: MergeWalker
    /// Per column of the table (by its index in `columns.columns`): the merged range last
    /// read there and its text, which every item below it within the range takes again.
    private var mergedText: [(range: CellRange, text: String?)?]
    /// The columns that decide whether a row starts an item, looked up once.
    private let serialColumn: Int?, nameColumn: Int?, subItemNameColumn: Int?
    /// Columns whose value, next to a name, starts an item even without a serial.
    private let itemStartingColumns: [Int]
    /// The item being read: it ends where the next one starts, or with the table.
    private var current: GroupedItem?
    /// The last main item that has ended, whose serial and name its sub-items share.
    private var lastMain: GroupedItem?

    init(sheet: Sheet, columns: ColumnMap, schema: HeaderSchema, firstDataRow: Int, place: SheetPlace) {
        self.sheet = sheet
        self.columns = columns
        self.schema = schema
        self.firstDataRow = firstDataRow
        self.place = place
        walker = MergeWalker(sheet.mergedRanges, columns: columns.columns)
        mergedText = Array(repeating: nil, count: columns.columns.count)
        serialColumn = columns.column(of: .serial)
        nameColumn = columns.column(of: .name)
        subItemNameColumn = columns.column(of: .subItemName)
        itemStartingColumns = [ItemField.category, .basis, .code, .subItemName].compactMap(columns.column(of:))
    }

    /// Groups the rows, calling `itemEnded` with each item as soon as its last row is known.
    mutating func run(_ itemEnded: (GroupedItem) -> Void) {
        for row in sheet.rows where row.index >= firstDataRow {
            walker.advance(to: row.index)
            let fresh = freshValues(of: row)
            guard !fresh.isEmpty else { continue }
            if let ended = handle(row.index, fresh) { itemEnded(ended) }
            if row.isHidden, current?.firstRow == row.index { hiddenItemRows.append(row.index + 1) }
        }
        if let last = current { itemEnded(last) }
        current = nil
    }

    /// Reads one row with values of its own; returns the item it ends, if it starts another.
    private mutating func handle(_ r: Int, _ fresh: ColumnValues) -> GroupedItem? {
        func value(_ column: Int?) -> CellText? { column.flatMap { fresh[$0] } }
        func fromAbove(_ column: Int?) -> Bool {
            column.map { walker.rangeFromAbove(row: r, column: $0) != nil } ?? false
        }
        if isNote(fresh) {
            if let first = fresh.first { findings.append(place.noteRow(first.text, cell: first.reference)) }
            return nil
        }
        if isRepeatedHeader(fresh) {
            findings.append(place.repeatedHeaderRow(cell: "\(r + 1):\(r + 1)"))
            return nil
        }
        let serial = value(serialColumn), name = value(nameColumn)
        let hasSerialColumn = serialColumn != nil
        if serial == nil, value(subItemNameColumn) != nil, let name, name.text == mainName {
            // A sub-item row that repeats its item's name instead of merging it.
            return startItem(at: r, fresh, isSubItem: true)
        } else if let name, serial != nil || !hasSerialColumn || current == nil
            || itemStartingColumns.contains(where: { fresh[$0] != nil }) {
            if serial == nil, hasSerialColumn, !fromAbove(serialColumn) {
                findings.append(place.missingSerial(name: name.text, cell: name.reference))
            }
            return startItem(at: r, fresh, isSubItem: false)
        } else if let serial, name == nil {
            guard SerialText.looksLikeSerial(serial.text) else {
                findings.append(place.noteRow(serial.text, cell: serial.reference))
                return nil
            }
            guard fromAbove(nameColumn) || fresh.count > 1 else { return nil }   // a stray number
            if !fromAbove(nameColumn) { findings.append(place.missingName(serial: serial.text, cell: serial.reference)) }
            return startItem(at: r, fresh, isSubItem: false)
        } else if value(subItemNameColumn) != nil, mainItem != nil {
            return startItem(at: r, fresh, isSubItem: true)
        } else if current != nil {
            continueItem(at: r, fresh)
        } else if let first = fresh.first {
            findings.append(place.textBeforeFirstItem(cell: first.reference))
        }
        return nil
    }

    /// The values a row holds itself: cells not covered by a merged range, or the top-left
    /// cell of one. Text left inside a merged range's other cells is not shown by Excel and
    /// is ignored.
    private func freshValues(of row: Row) -> ColumnValues {
        var fresh = ColumnValues(minimumCapacity: row.cells.count)
        for cell in row.cells {
            let text = HeaderText.trimmed(cell.value.text)
            guard !text.isEmpty else { continue }
            if let range = walker.range(atRow: row.index, column: cell.address.column) {
                guard range.first == cell.address else { continue }
                fresh[cell.address.column] = CellText(text: text, cells: range)
            } else {
                fresh[cell.address.column] = CellText(text: text, cells: CellRange(first: cell.address, last: cell.address))
            }
        }
        return fresh
    }

    /// Starts an item at row `r`; returns the item this ends.
    private mutating func startItem(at r: Int, _ fresh: ColumnValues, isSubItem: Bool) -> GroupedItem? {
        var ended = current
        if let previous = ended {
            // The item above ends here, even if a cell merged over both (a shared name) goes on.
            ended?.lastRow = min(previous.lastRow, r - 1)
            if !previous.isSubItem { lastMain = ended }
        }
        var item = GroupedItem(firstRow: r, lastRow: walker.lastRowOfRanges(beginningIn: r), isSubItem: isSubItem)
        // Cells merged down from above (a sub-item's name, a unit merged over many items).
        for (slot, column) in columns.columns.enumerated() {
            guard let range = walker.rangeFromAbove(row: r, column: column) else { continue }
            if let text = text(ofMerged: range, slot: slot), !text.isEmpty {
                item.values[column] = CellText(text: text, cells: range)
            }
        }
        if item.values.isEmpty {
            item.values = fresh
        } else {
            for (column, value) in fresh.entries { item.values[column] = value }
        }
        if isSubItem, let lastMain {
            for case let column? in [serialColumn, nameColumn] where item.values[column] == nil {
                item.values[column] = lastMain.values[column]
            }
        }
        if let serialColumn, let serial = fresh[serialColumn],
           let numbers = SerialText.multipleSerials(serial.text) {
            findings.append(place.sharedSerial(serial.text, count: numbers.count, cell: serial.reference))
        }
        current = item
        return ended
    }

    private mutating func continueItem(at r: Int, _ fresh: ColumnValues) {
        guard var item = current else { return }
        current = nil   // so that `item` is the only owner of its values and grows in place
        for (column, more) in fresh.entries {
            if var existing = item.values[column] {
                existing.text += "\n" + more.text
                existing.cells = existing.cells.joined(with: more.cells)
                item.values[column] = existing
            } else {
                item.values[column] = more
            }
        }
        item.lastRow = max(item.lastRow, walker.lastRowOfRanges(beginningIn: r))
        current = item
    }

    /// A note under or inside the table (`注：…`), or one merged cell across most of its width.
    private func isNote(_ fresh: ColumnValues) -> Bool {
        guard fresh.count == 1, let only = fresh.first else { return false }
        let text = HeaderText.normalize(only.text)
        if ["注:", "注：", "备注:", "说明:", "填表说明", "填报说明"].contains(where: text.hasPrefix) { return true }
        return only.cells.columnCount > 1 && only.cells.columnCount * 2 >= columns.columns.count
    }

    /// The header repeated inside the table (as at a page break in some exports).
    private func isRepeatedHeader(_ fresh: ColumnValues) -> Bool {
        // Cheap test first: the name column must hold a name header.
        guard let nameColumn, let name = fresh[nameColumn],
              name.text.count <= 20, schema.field(for: name.text) == .name else { return false }
        let matching = fresh.entries.filter { column, value in
            guard case .field(let field) = columns.role(of: column) else { return false }
            return schema.field(for: value.text) == field
        }
        return matching.count >= 2 && matching.contains { $0.column == nameColumn }
    }

    /// The last main item: the one being read, or the one the sub-item being read belongs to.
    private var mainItem: GroupedItem? {
        if let current, !current.isSubItem { return current }
        return lastMain
    }

    /// The name of the last main item, which a sub-item row may repeat.
    private var mainName: String? {
        guard let nameColumn else { return nil }
        return mainItem?.values[nameColumn]?.text
    }

    private mutating func text(ofMerged range: CellRange, slot: Int) -> String? {
        if let cached = mergedText[slot], cached.range == range { return cached.text }
        let text = sheet[range.first].map { HeaderText.trimmed($0.text) }
        mergedText[slot] = (range, text)
        return text
    }
}
