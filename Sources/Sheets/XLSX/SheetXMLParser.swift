/// A worksheet as parsed from its XML, before the shared strings are known: a compact list
/// of rows and cells where text cells point into a string table by index.
///
/// Sheets parse while the shared-string table is still being read on another core; the
/// reader turns a grid into a `Sheet` once both are done.
struct SheetGrid: Equatable {
    enum Kind: UInt8 {
        /// payload: the Double's bit pattern
        case number
        /// payload: the serial's bit pattern; the cell's style shows a date
        case dateSerial
        /// payload: index into the shared-string table
        case sharedString
        /// payload: index into `texts`
        case text, isoDate, error
        /// payload: 0 or 1
        case bool
    }

    struct RawCell: Equatable {
        var column: Int32
        var kind: Kind
        var payload: UInt64
    }

    struct RawRow: Equatable {
        var index: Int
        var isHidden: Bool
        /// Index in `cells` of this row's first cell; its cells run to the next row's first cell.
        var firstCell: Int
    }

    var rows: [RawRow] = []
    var cells: [RawCell] = []
    /// Texts that are not shared strings: inline strings, formula results, errors, ISO dates.
    var texts: [String] = []
    var mergedRanges: [CellRange] = []
    /// True when the first row read took its number from the XML (`r` on the row or its first
    /// cell) rather than from the row before it: only then can a piece of a sheet be parsed
    /// apart from the rows above it (`SegmentedSheetParse`).
    var firstRowNumbered = true
}

/// Streams a worksheet part (`<sheetData>` and `<mergeCells>`) into a `SheetGrid`.
///
/// The parse state lives behind a pointer: every access to a class's stored property pays a
/// dynamic exclusivity check, which over tens of millions of SAX events costs about a tenth
/// of the parse.
final class SheetXMLHandler: XMLStreamHandler {
    private let state: UnsafeMutablePointer<SheetParseState>

    init(styles: StyleSheet, expectedCells: Int = 0, limits: ReadLimits = .excel) {
        state = .allocate(capacity: 1)
        state.initialize(to: SheetParseState(styles: styles, expectedCells: expectedCells, limits: limits))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    var grid: SheetGrid { state.pointee.grid }

    override var breach: ReadLimitBreach? {
        get { state.pointee.breach }
        set { state.pointee.breach = newValue }
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        state.pointee.startElement(name, attributes)
    }

    override func endElement(_ name: XMLName) {
        state.pointee.endElement(name)
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        state.pointee.characters(bytes)
    }
}

/// Follows real files rather than the schema's promises: rows and cells without an `r`
/// attribute take the next position, `<dimension>` is ignored, and names match by local
/// name so `x:c` and Strict-namespace elements read the same.
///
/// A row, column, cell text or cell count past `limits` sets `breach`, which stops the parse.
struct SheetParseState: XMLEventSink {
    private(set) var grid = SheetGrid()
    var breach: ReadLimitBreach?
    private let styles: StyleSheet
    private let limits: ReadLimits

    private enum CellType { case number, sharedString, formulaString, inlineString, boolean, error, isoDate }

    private var text = TextBuffer()
    private var rowsStarted = 0
    private var nextRow = 0
    private var rowHasReference = false
    private var nextColumn = 0
    private var inCell = false
    private var cellColumn = 0
    private var cellType = CellType.number
    private var cellStyle = 0
    private var inInlineString = false
    private var phoneticDepth = 0
    private var collecting = false

    init(styles: StyleSheet, expectedCells: Int, limits: ReadLimits = .excel) {
        self.styles = styles
        self.limits = limits
        grid.cells.reserveCapacity(max(expectedCells, 256))
    }

    mutating func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        switch name.bytes[0] {
        case UInt8(ascii: "c") where name.is("c"): startCell(attributes)
        case UInt8(ascii: "v") where name.is("v"): collecting = inCell
        case UInt8(ascii: "r") where name.is("row"): startRow(attributes)
        case UInt8(ascii: "r") where name.is("rPh"): phoneticDepth += 1
        case UInt8(ascii: "i") where name.is("is"): inInlineString = inCell
        case UInt8(ascii: "t") where name.is("t"): collecting = inInlineString && phoneticDepth == 0
        case UInt8(ascii: "m") where name.is("mergeCell"):
            if let ref = attributes.value("ref"), let range = CellRange(a1: ref) {
                grid.mergedRanges.append(range)
            }
        default: break
        }
    }

    mutating func endElement(_ name: XMLName) {
        switch name.bytes[0] {
        case UInt8(ascii: "c") where name.is("c"): endCell()
        case UInt8(ascii: "v") where name.is("v"): collecting = false
        case UInt8(ascii: "t") where name.is("t"): collecting = false
        case UInt8(ascii: "r") where name.is("rPh"): phoneticDepth -= 1
        case UInt8(ascii: "i") where name.is("is"): inInlineString = false
        default: break
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard collecting else { return }
        if text.count + bytes.count > limits.maxCellBytes {
            collecting = false
            fail(.cellCharacters(limit: limits.maxCellCharacters))
        } else {
            text.append(bytes)
        }
    }

    /// Records the first limit passed, at the cell being read.
    private mutating func fail(_ violation: ReadLimitViolation) {
        guard breach == nil else { return }
        breach = ReadLimitBreach(violation: violation,
                                 cell: CellAddress(row: grid.rows.last?.index ?? nextRow, column: cellColumn))
    }

    private mutating func startRow(_ attributes: XMLAttributes) {
        var index = nextRow
        var isHidden = false
        rowHasReference = false
        for position in 0..<attributes.count {
            guard let (name, value) = attribute(attributes, position) else { continue }
            if name.is("r"), let row = OOXMLText.integer(value), row > 0 {
                index = min(row - 1, limits.maxRows)
                rowHasReference = true
            } else if name.is("hidden") {
                isHidden = OOXMLText.isTrue(value)
            }
        }
        // A blank row before this one is dropped: millions of `<row/>` must not cost memory.
        if let last = grid.rows.last, last.firstCell == grid.cells.count, !last.isHidden { grid.rows.removeLast() }
        grid.rows.append(SheetGrid.RawRow(index: index, isHidden: isHidden, firstCell: grid.cells.count))
        if rowsStarted == 0 { grid.firstRowNumbered = rowHasReference }
        rowsStarted += 1
        nextRow = index + 1
        nextColumn = 0
        cellColumn = 0
        if index >= limits.maxRows { fail(.rows(limit: limits.maxRows)) }
    }

    private mutating func startCell(_ attributes: XMLAttributes) {
        if grid.rows.isEmpty { startRow(.none) } // a cell outside any row
        inCell = true
        text.removeAll()
        cellColumn = nextColumn
        cellType = .number
        cellStyle = 0
        for position in 0..<attributes.count {
            guard let (name, value) = attribute(attributes, position) else { continue }
            if name.is("r") {
                guard let reference = CellAddress.a1Parts(value) else { continue }
                if let column = reference.column { cellColumn = column }
                if !rowHasReference, let row = reference.row { adoptRowIndex(row) }
            } else if name.is("t") {
                cellType = Self.cellType(value)
            } else if name.is("s") {
                cellStyle = OOXMLText.integer(value) ?? 0
            }
        }
        nextColumn = cellColumn + 1
    }

    /// A row written without `r` takes its index from its first cell's reference.
    private mutating func adoptRowIndex(_ row: Int) {
        guard var last = grid.rows.last else { return }
        last.index = row
        grid.rows[grid.rows.count - 1] = last
        rowHasReference = true
        if rowsStarted == 1 { grid.firstRowNumbered = true }
        nextRow = row + 1
        if row >= limits.maxRows { fail(.rows(limit: limits.maxRows)) }
    }

    private mutating func endCell() {
        inCell = false
        collecting = false
        guard !text.isEmpty else { return }
        // Past Excel's last column (XFD) only in a damaged or hostile file.
        guard cellColumn < limits.maxColumns else { return fail(.columns(limit: limits.maxColumns)) }
        switch cellType {
        case .number:
            guard let number = text.number() else { return }
            append(styles.isDate(style: cellStyle) ? .dateSerial : .number, number.bitPattern)
        case .sharedString:
            guard let index = text.integer() else { return }
            append(.sharedString, UInt64(index))
        case .boolean:
            append(.bool, text.isTrue() ? 1 : 0)
        case .formulaString, .inlineString:
            appendText(.text)
        case .error:
            appendText(.error)
        case .isoDate:
            appendText(.isoDate)
        }
    }

    private mutating func appendText(_ kind: SheetGrid.Kind) {
        let string = text.makeString()
        if string.utf8.count > limits.maxCellCharacters, string.utf16.count > limits.maxCellCharacters {
            return fail(.cellCharacters(limit: limits.maxCellCharacters))
        }
        grid.texts.append(string)
        append(kind, UInt64(grid.texts.count - 1))
    }

    @inline(__always)
    private mutating func append(_ kind: SheetGrid.Kind, _ payload: UInt64) {
        guard grid.cells.count < limits.maxCells else { return fail(.cells(limit: limits.maxCells)) }
        grid.cells.append(SheetGrid.RawCell(column: Int32(cellColumn), kind: kind, payload: payload))
    }

    @inline(__always)
    private func attribute(_ attributes: XMLAttributes, _ position: Int) -> (XMLName, UnsafeBufferPointer<UInt8>)? {
        attributes[position].map { ($0.name, $0.value) }
    }

    private static func cellType(_ value: UnsafeBufferPointer<UInt8>) -> CellType {
        switch value.count {
        case 1 where value[0] == UInt8(ascii: "s"): .sharedString
        case 1 where value[0] == UInt8(ascii: "b"): .boolean
        case 1 where value[0] == UInt8(ascii: "e"): .error
        case 1 where value[0] == UInt8(ascii: "d"): .isoDate
        case 3 where value[0] == UInt8(ascii: "s"): .formulaString // "str"
        case 9 where value[0] == UInt8(ascii: "i"): .inlineString // "inlineStr"
        default: .number // "n" or absent
        }
    }
}
