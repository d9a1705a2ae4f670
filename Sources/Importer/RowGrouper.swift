import Catalogue
import Sheets

/// A cell's text as it goes into an item, with the cell (or merged range) it came from.
struct CellText: Equatable {
    var text: String
    /// `D12`, or `D12:D14` for a merged cell or text continued over several rows.
    var cell: String
}

/// The rows of one item (or sub-item) and the text of each of its columns.
struct GroupedItem {
    var firstRow: Int
    var lastRow: Int
    var isSubItem = false
    var values: [Int: CellText] = [:]
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
struct RowGrouper {
    var sheet: Sheet
    var columns: ColumnMap
    var schema: HeaderSchema
    var firstDataRow: Int
    var place: SheetPlace

    private(set) var items: [GroupedItem] = []
    private(set) var findings: [Finding] = []
    /// Rows (1-based) of items that start on a hidden row: imported, but worth a look.
    private(set) var hiddenItemRows: [Int] = []
    private var walker: MergeWalker
    private var mergedText: [CellAddress: String] = [:]
    /// The last main item, whose serial and name its sub-items share.
    private var mainIndex: Int?

    init(sheet: Sheet, columns: ColumnMap, schema: HeaderSchema, firstDataRow: Int, place: SheetPlace) {
        self.sheet = sheet
        self.columns = columns
        self.schema = schema
        self.firstDataRow = firstDataRow
        self.place = place
        walker = MergeWalker(sheet.mergedRanges, columns: columns.columns)
    }

    mutating func run() {
        for row in sheet.rows where row.index >= firstDataRow {
            walker.advance(to: row.index)
            let fresh = freshValues(of: row)
            guard !fresh.isEmpty else { continue }
            let itemsBefore = items.count
            handle(row.index, fresh)
            if row.isHidden, items.count > itemsBefore { hiddenItemRows.append(row.index + 1) }
        }
    }

    private mutating func handle(_ r: Int, _ fresh: [Int: CellText]) {
        func value(_ field: ItemField) -> CellText? { columns.column(of: field).flatMap { fresh[$0] } }
        func fromAbove(_ field: ItemField) -> Bool {
            columns.column(of: field).map { walker.rangeFromAbove(row: r, column: $0) != nil } ?? false
        }
        if isNote(fresh) {
            if let first = fresh.min(by: { $0.key < $1.key })?.value { findings.append(place.noteRow(first.text, cell: first.cell)) }
            return
        }
        if isRepeatedHeader(fresh) {
            findings.append(place.repeatedHeaderRow(cell: "\(r + 1):\(r + 1)"))
            return
        }
        let serial = value(.serial), name = value(.name)
        let hasSerialColumn = columns.column(of: .serial) != nil
        if serial == nil, value(.subItemName) != nil, let name, name.text == mainName {
            // A sub-item row that repeats its item's name instead of merging it.
            startItem(at: r, fresh, isSubItem: true)
        } else if let name, serial != nil || !hasSerialColumn || items.isEmpty
            || [.category, .basis, .code, .subItemName].contains(where: { value($0) != nil }) {
            if serial == nil, hasSerialColumn, !fromAbove(.serial) {
                findings.append(place.missingSerial(name: name.text, cell: name.cell))
            }
            startItem(at: r, fresh, isSubItem: false)
        } else if let serial, name == nil {
            guard SerialText.looksLikeSerial(serial.text) else {
                findings.append(place.noteRow(serial.text, cell: serial.cell))
                return
            }
            guard fromAbove(.name) || fresh.count > 1 else { return }   // a stray number
            if !fromAbove(.name) { findings.append(place.missingName(serial: serial.text, cell: serial.cell)) }
            startItem(at: r, fresh, isSubItem: false)
        } else if value(.subItemName) != nil, mainIndex != nil {
            startItem(at: r, fresh, isSubItem: true)
        } else if !items.isEmpty {
            continueItem(at: r, fresh)
        } else if let first = fresh.min(by: { $0.key < $1.key })?.value {
            findings.append(place.textBeforeFirstItem(cell: first.cell))
        }
    }

    /// The values a row holds itself: cells not covered by a merged range, or the top-left
    /// cell of one. Text left inside a merged range's other cells is not shown by Excel and
    /// is ignored.
    private func freshValues(of row: Row) -> [Int: CellText] {
        var fresh: [Int: CellText] = [:]
        for cell in row.cells {
            let text = HeaderText.trimmed(cell.value.text)
            guard !text.isEmpty else { continue }
            if let range = walker.range(atRow: row.index, column: cell.address.column) {
                guard range.first == cell.address else { continue }
                fresh[cell.address.column] = CellText(text: text, cell: range.description)
            } else {
                fresh[cell.address.column] = CellText(text: text, cell: cell.address.description)
            }
        }
        return fresh
    }

    private mutating func startItem(at r: Int, _ fresh: [Int: CellText], isSubItem: Bool) {
        // The item above ends here, even if a cell merged over both (a shared name) goes on.
        if let last = items.indices.last, items[last].lastRow >= r { items[last].lastRow = r - 1 }
        var item = GroupedItem(firstRow: r, lastRow: walker.lastRowOfRanges(beginningIn: r), isSubItem: isSubItem)
        // Cells merged down from above (a sub-item's name, a unit merged over many items).
        for column in columns.columns {
            guard let range = walker.rangeFromAbove(row: r, column: column) else { continue }
            if let text = text(ofMerged: range), !text.isEmpty {
                item.values[column] = CellText(text: text, cell: range.description)
            }
        }
        item.values.merge(fresh) { _, new in new }
        if isSubItem, let mainIndex {
            for field in [ItemField.serial, .name] {
                guard let column = columns.column(of: field), item.values[column] == nil else { continue }
                item.values[column] = items[mainIndex].values[column]
            }
        } else {
            mainIndex = items.count
        }
        if let serialColumn = columns.column(of: .serial), let serial = fresh[serialColumn],
           let numbers = SerialText.multipleSerials(serial.text) {
            findings.append(place.sharedSerial(serial.text, count: numbers.count, cell: serial.cell))
        }
        items.append(item)
    }

    private mutating func continueItem(at r: Int, _ fresh: [Int: CellText]) {
        guard var item = items.popLast() else { return }
        for (column, more) in fresh {
            if var existing = item.values[column] {
                existing.text += "\n" + more.text
                existing.cell = Self.union(existing.cell, more.cell)
                item.values[column] = existing
            } else {
                item.values[column] = more
            }
        }
        item.lastRow = max(item.lastRow, walker.lastRowOfRanges(beginningIn: r))
        items.append(item)
    }

    /// A note under or inside the table (`注：…`), or one merged cell across most of its width.
    private func isNote(_ fresh: [Int: CellText]) -> Bool {
        guard fresh.count == 1, let only = fresh.first?.value else { return false }
        let text = HeaderText.normalize(only.text)
        if ["注:", "注：", "备注:", "说明:", "填表说明", "填报说明"].contains(where: text.hasPrefix) { return true }
        guard let range = CellRange(only.cell) else { return false }
        return range.columnCount > 1 && range.columnCount * 2 >= columns.columns.count
    }

    /// The header repeated inside the table (as at a page break in some exports).
    private func isRepeatedHeader(_ fresh: [Int: CellText]) -> Bool {
        // Cheap test first: the name column must hold a name header.
        guard let nameColumn = columns.column(of: .name), let name = fresh[nameColumn],
              name.text.count <= 20, schema.field(for: name.text) == .name else { return false }
        let matching = fresh.filter { column, value in
            guard case .field(let field) = columns.role(of: column) else { return false }
            return schema.field(for: value.text) == field
        }
        return matching.count >= 2 && columns.column(of: .name).map { matching[$0] != nil } == true
    }

    /// The name of the last main item, which a sub-item row may repeat.
    private var mainName: String? {
        guard let mainIndex, let column = columns.column(of: .name) else { return nil }
        return items[mainIndex].values[column]?.text
    }

    private mutating func text(ofMerged range: CellRange) -> String? {
        if let cached = mergedText[range.first] { return cached }
        let text = sheet[range.first].map { HeaderText.trimmed($0.text) }
        if let text { mergedText[range.first] = text }
        return text
    }

    /// The smallest range holding two cell references (`D12` + `D13` → `D12:D13`).
    static func union(_ a: String, _ b: String) -> String {
        guard let first = CellRange(a), let second = CellRange(b) else { return a }
        return CellRange(first: min(first.first, second.first),
                         last: CellAddress(row: max(first.last.row, second.last.row),
                                           column: max(first.last.column, second.last.column))).description
    }
}
