import Foundation

/// One worksheet of a package, in two walks over its rows: `init` surveys them (extent,
/// column widths, shared strings: the table and the widths precede the rows in the file),
/// `write` then writes the XML row by row into a part file. Nothing of the rows is kept.
struct XLSXWorksheet {
    let source: SheetSource
    let decoration: SheetDecoration
    /// The smallest range holding every cell and merged range, as `Sheet.dimension`.
    private(set) var dimension: CellRange?
    /// In characters of the default font, one per column up to the last non-empty one.
    private(set) var widths: [Int] = []
    /// The shared-string index of each text cell, in the order the first walk met them: the
    /// second walk, which meets them in the same order, reads them back instead of hashing
    /// every text again (a 100,000-item download hashes millions of long texts).
    private var sharedIndexes: [Int32] = []

    /// The first walk: adds the sheet's texts to `strings` in the order the second writes them.
    init(_ source: SheetSource, decoration: SheetDecoration, maximumWidth: Int,
         strings: inout XLSXStringTable) throws {
        self.source = source
        self.decoration = decoration
        var extent = Extent(ranges: source.mergedRanges)
        var longest: [Int] = []
        try source.forEachRow { row in
            extent.add(row)
            for cell in row.cells.sorted(by: { $0.address.column < $1.address.column }) {
                let column = cell.address.column
                if column >= longest.count { longest += Array(repeating: 0, count: column - longest.count + 1) }
                if longest[column] < maximumWidth {
                    longest[column] = max(longest[column], XLSXParts.longestLineWidth(cell.value.text, atMost: maximumWidth))
                }
                if let text = XLSXParts.sharedText(cell.value) { sharedIndexes.append(Int32(strings.add(text))) }
            }
        }
        dimension = extent.range
        widths = longest.map { min(max($0 + 2, 6), maximumWidth) }
    }

    /// The header row and everything under it, for the filter; nil for an empty sheet.
    var filterRange: CellRange? {
        guard let dimension, dimension.first.row == 0 else { return nil }
        return dimension
    }

    /// The second walk: the worksheet XML, the cells' texts by the indexes the first walk gave them.
    func write(to part: XLSXPartFile, options: XLSXWriter.Options, fills: FillStyles) throws {
        var shared = sharedIndexes.makeIterator()
        try part.write(head(options))
        // Column letters once per column, not once per cell.
        let columnNames = (0..<max(widths.count, 1)).map(CellAddress.columnName)
        try source.forEachRow { row in
            let style: XLSXParts.Style = options.headerRow ? (row.index == 0 ? .header : .body) : .plain
            let styleIndex = decoration.rowFills[row.index].map(fills.styleIndex) ?? style.rawValue
            var xml = #"<row r="\#(row.index + 1)"\#(row.isHidden ? #" hidden="1""# : "")>"#
            for cell in row.cells.sorted(by: { $0.address.column < $1.address.column }) {
                let reference = "\(columnNames[cell.address.column])\(row.index + 1)"
                xml += XLSXParts.cell(cell, reference: reference, style: styleIndex) { Int(shared.next()!) }
            }
            try part.write(xml + "</row>")
        }
        try part.write(tail(options))
    }

    private func head(_ options: XLSXWriter.Options) -> String {
        var xml = XLSXParts.declaration + #"<worksheet xmlns="\#(XLSXParts.mainNamespace)" xmlns:r="\#(XLSXParts.relationshipNamespace)">"#
        if let dimension { xml += #"<dimension ref="\#(dimension)"/>"# }
        xml += #"<sheetViews><sheetView workbookViewId="0">"#
        if options.headerRow {
            xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        }
        xml += "</sheetView></sheetViews>"
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !widths.isEmpty {
            xml += "<cols>"
            for (column, width) in widths.enumerated() {
                xml += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(width)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>"
    }

    private func tail(_ options: XLSXWriter.Options) -> String {
        var xml = "</sheetData>"
        if options.headerRow, let range = filterRange { xml += #"<autoFilter ref="\#(range)"/>"# }
        if !source.mergedRanges.isEmpty {
            xml += #"<mergeCells count="\#(source.mergedRanges.count)">"#
            for range in source.mergedRanges { xml += #"<mergeCell ref="\#(range)"/>"# }
            xml += "</mergeCells>"
        }
        if !decoration.listValidations.isEmpty {
            xml += #"<dataValidations count="\#(decoration.listValidations.count)">"#
            xml += decoration.listValidations.map(\.xml).joined() + "</dataValidations>"
        }
        return xml + "</worksheet>"
    }
}

/// The bounds of what a sheet holds, grown row by row as `Sheet.dimension` computes them.
private struct Extent {
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

    var range: CellRange? {
        guard maxRow >= 0 else { return nil }
        return CellRange(first: CellAddress(row: minRow, column: minColumn),
                         last: CellAddress(row: maxRow, column: maxColumn))
    }
}
