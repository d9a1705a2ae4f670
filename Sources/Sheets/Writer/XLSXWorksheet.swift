import Foundation

/// One worksheet of a package, in two walks: `init` surveys the rows (extent, column widths,
/// shared strings: the table and the widths precede the rows in the file) and keeps what the
/// XML needs of each cell in `XLSXSheetSurvey`s; `write` then writes the XML from them as bytes.
struct XLSXWorksheet {
    let source: SheetSource
    let decoration: SheetDecoration
    /// The smallest range holding every cell and merged range, as `Sheet.dimension`.
    private(set) var dimension: CellRange?
    /// In characters of the default font, one per column up to the last non-empty one.
    private(set) var widths: [Int] = []
    /// The rows, chunk by chunk, in order.
    private let chunks: [XLSXSheetSurvey]

    /// The first walk: adds the sheet's texts to `strings` in the order the second writes them.
    init(_ source: SheetSource, decoration: SheetDecoration, maximumWidth: Int,
         strings: inout XLSXStringTable) throws {
        self.source = source
        self.decoration = decoration
        chunks = try XLSXSheetSurvey.chunks(of: source, maximumWidth: maximumWidth, strings: &strings)
        var extent = Extent(ranges: source.mergedRanges)
        var longest: [Int] = []
        for chunk in chunks {
            extent.add(chunk.extent)
            if chunk.longest.count > longest.count { longest += Array(repeating: 0, count: chunk.longest.count - longest.count) }
            for (column, width) in chunk.longest.enumerated() { longest[column] = max(longest[column], width) }
        }
        dimension = extent.range
        widths = longest.map { min(max($0 + 2, 6), maximumWidth) }
    }

    /// The header row and everything under it, for the filter; nil for an empty sheet.
    var filterRange: CellRange? {
        guard let dimension, dimension.first.row == 0 else { return nil }
        return dimension
    }

    /// The second walk: the worksheet XML from the surveyed cells, a megabyte at a time.
    func write(to part: XLSXPartFile, options: XLSXWriter.Options, fills: FillStyles) throws {
        try part.write(head(options))
        // Column letters once per column, not once per cell.
        let columnNames = (0..<max(widths.count, 1)).map { Array(CellAddress.columnName($0).utf8) }
        var xml = XMLBytes()
        for chunk in chunks {
            var firstCell = 0
            for row in chunk.rows {
                let style: XLSXParts.Style = options.headerRow ? (row.index == 0 ? .header : .body) : .plain
                let styleIndex = decoration.rowFills[row.index].map(fills.styleIndex) ?? style.rawValue
                xml.row(row.index + 1, hidden: row.isHidden)
                for cell in chunk.cells[firstCell..<row.cellEnd] {
                    let name = columnNames[Int(cell.column)]
                    if cell.value >= 0 {
                        xml.sharedCell(column: name, row: row.index + 1, style: styleIndex, index: Int(cell.value))
                    } else {
                        let inline = chunk.inlineCells[Int(-1 - cell.value)]
                        let reference = String(decoding: name, as: UTF8.self) + String(row.index + 1)
                        xml.append(XLSXParts.cell(inline, reference: reference, style: styleIndex) { 0 })
                    }
                }
                xml.append("</row>")
                firstCell = row.cellEnd
                if xml.bytes.count >= 1 << 20 { try xml.flush(to: part) }
            }
        }
        try xml.flush(to: part)
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

/// Worksheet XML built as UTF-8 bytes: the rows of a large sheet are millions of cells, and
/// building each cell's XML as a `String` was most of the writer's time.
private struct XMLBytes {
    var bytes: [UInt8] = []

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// `<row r="7">`, or `<row r="7" hidden="1">`.
    mutating func row(_ number: Int, hidden: Bool) {
        append("<row r=\"")
        decimal(number)
        append(hidden ? "\" hidden=\"1\">" : "\">")
    }

    /// `<c r="B7" s="2" t="s"><v>42</v></c>` (no ` s=` for the plain style), as `XLSXParts.cell`.
    mutating func sharedCell(column: [UInt8], row: Int, style: Int, index: Int) {
        append("<c r=\"")
        bytes.append(contentsOf: column)
        decimal(row)
        if style != XLSXParts.Style.plain.rawValue {
            append("\" s=\"")
            decimal(style)
        }
        append("\" t=\"s\"><v>")
        decimal(index)
        append("</v></c>")
    }

    /// An integer in decimal digits.
    mutating func decimal(_ value: Int) {
        guard value >= 0 else { return append(String(value)) }
        guard value >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        // Digits from the last, into a buffer on the stack, appended at once: a report writes
        // two numbers a cell, millions of them.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value, start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    mutating func flush(to part: XLSXPartFile) throws {
        try part.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
