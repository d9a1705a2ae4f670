import Foundation

/// The XML parts of a minimal SpreadsheetML package, as `XLSXWriter` writes them.
enum XLSXParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    /// Style indexes in `styles`' cellXfs.
    enum Style: Int {
        case plain = 0, header = 1, body = 2
    }

    static func contentTypes(sheetCount: Int) -> String {
        var xml = declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="\#(contentType).sheet.main+xml"/>"#
        for index in 1...sheetCount {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="\#(contentType).worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="\#(contentType).styles+xml"/>"#
        xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(contentType).sharedStrings+xml"/>"#
        return xml + "</Types>"
    }

    static let packageRelationships = declaration
        + #"<Relationships xmlns="\#(packageRelationshipNamespace)">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbook(sheetNames: [String], sheets: [Sheet], headerRow: Bool) -> String {
        var xml = declaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        xml += "<bookViews><workbookView/></bookViews><sheets>"
        for (index, name) in sheetNames.enumerated() {
            xml += #"<sheet name="\#(escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets>"
        // Excel keeps a filter's range in a hidden defined name; without it the filter is lost on save.
        let filters = zip(sheetNames, sheets).enumerated().compactMap { index, pair -> String? in
            guard headerRow, let range = filterRange(pair.1) else { return nil }
            let reference = "\(Sheet.quotedName(pair.0))!\(absolute(range))"
            return #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(index)" hidden="1">\#(escape(reference))</definedName>"#
        }
        if !filters.isEmpty { xml += "<definedNames>\(filters.joined())</definedNames>" }
        return xml + "</workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = declaration + #"<Relationships xmlns="\#(packageRelationshipNamespace)">"#
        for index in 1...sheetCount {
            xml += #"<Relationship Id="rId\#(index)" Type="\#(relationshipNamespace)/worksheet" Target="worksheets/sheet\#(index).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
        xml += #"<Relationship Id="rId\#(sheetCount + 2)" Type="\#(relationshipNamespace)/sharedStrings" Target="sharedStrings.xml"/>"#
        return xml + "</Relationships>"
    }

    /// Fonts: 0 regular, 1 bold (等线, the default font of Chinese Excel; charset 134 = GB2312).
    /// Cell formats: 0 plain, 1 header (bold, centred vertically, wrapped), 2 body (top, wrapped).
    /// Decorations add one fill and one body format per row colour (`FillStyles`).
    static func styles(_ fills: FillStyles = FillStyles([])) -> String { declaration + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>"#
        + #"<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>"#
        + #"<fills count="\#(2 + fills.colors.count)"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        + fills.fillsXML + "</fills>"
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="\#(3 + fills.colors.count)"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + fills.cellFormatsXML + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
    }

    static func worksheet(_ sheet: Sheet, strings: inout XLSXStringTable, options: XLSXWriter.Options,
                          decoration: SheetDecoration = .none, fills: FillStyles = FillStyles([])) -> String {
        var xml = declaration + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        if let dimension = sheet.dimension { xml += #"<dimension ref="\#(dimension)"/>"# }
        xml += #"<sheetViews><sheetView workbookViewId="0">"#
        if options.headerRow {
            xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        }
        xml += "</sheetView></sheetViews>"
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        let widths = columnWidths(sheet, maximum: options.maximumColumnWidth)
        if !widths.isEmpty {
            xml += "<cols>"
            for (column, width) in widths.enumerated() {
                xml += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(width)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        // Column letters once per column, not once per cell.
        let columnNames = (0..<max(widths.count, 1)).map(CellAddress.columnName)
        for row in sheet.rows.sorted(by: { $0.index < $1.index }) {
            let style: Style = options.headerRow ? (row.index == 0 ? .header : .body) : .plain
            let styleIndex = decoration.rowFills[row.index].map(fills.styleIndex) ?? style.rawValue
            xml += #"<row r="\#(row.index + 1)"\#(row.isHidden ? #" hidden="1""# : "")>"#
            for cell in row.cells.sorted(by: { $0.address.column < $1.address.column }) {
                let reference = "\(columnNames[cell.address.column])\(row.index + 1)"
                xml += self.cell(cell, reference: reference, style: styleIndex, strings: &strings)
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if options.headerRow, let range = filterRange(sheet) { xml += #"<autoFilter ref="\#(range)"/>"# }
        if !sheet.mergedRanges.isEmpty {
            xml += #"<mergeCells count="\#(sheet.mergedRanges.count)">"#
            for range in sheet.mergedRanges { xml += #"<mergeCell ref="\#(range)"/>"# }
            xml += "</mergeCells>"
        }
        if !decoration.listValidations.isEmpty {
            xml += #"<dataValidations count="\#(decoration.listValidations.count)">"#
            xml += decoration.listValidations.map(\.xml).joined() + "</dataValidations>"
        }
        return xml + "</worksheet>"
    }

    private static func cell(_ cell: Cell, reference: String, style: Int, strings: inout XLSXStringTable) -> String {
        let head = #"<c r="\#(reference)""# + (style == Style.plain.rawValue ? "" : #" s="\#(style)""#)
        switch cell.value {
        case .number(let number) where number.isFinite:
            // `1`, not Swift's `1.0`; other numbers in Swift's shortest round-tripping form.
            let integral = number.rounded() == number && abs(number) < 1e15
            return head + "><v>\(integral ? String(Int64(number)) : String(number))</v></c>"
        case .bool(let flag):
            return head + #" t="b"><v>\#(flag ? 1 : 0)</v></c>"#
        case .error(let code):
            return head + #" t="e"><v>\#(escape(code))</v></c>"#
        case .text, .date, .number:
            return head + #" t="s"><v>\#(strings.index(of: cell.value.text))</v></c>"#
        }
    }

    /// The header row and everything under it, for the filter; nil for an empty sheet.
    private static func filterRange(_ sheet: Sheet) -> CellRange? {
        guard let dimension = sheet.dimension, dimension.first.row == 0 else { return nil }
        return dimension
    }

    private static func absolute(_ range: CellRange) -> String {
        func absolute(_ address: CellAddress) -> String { "$\(CellAddress.columnName(address.column))$\(address.row + 1)" }
        return "\(absolute(range.first)):\(absolute(range.last))"
    }

    /// Widths in characters of the default font: the longest line in the column (a Chinese
    /// character counts two), plus padding, between 6 and `maximum`.
    static func columnWidths(_ sheet: Sheet, maximum: Int) -> [Int] {
        var widths: [Int] = []
        for row in sheet.rows {
            for cell in row.cells {
                let column = cell.address.column
                if column >= widths.count { widths += Array(repeating: 0, count: column - widths.count + 1) }
                guard widths[column] < maximum else { continue }
                widths[column] = max(widths[column], longestLineWidth(cell.value.text, atMost: maximum))
            }
        }
        return widths.map { min(max($0 + 2, 6), maximum) }
    }

    /// One pass over the scalars, stopping once a line reaches `limit`.
    private static func longestLineWidth(_ text: String, atMost limit: Int) -> Int {
        var longest = 0
        var line = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                line = 0
                continue
            }
            line += scalar.value >= 0x2E80 ? 2 : 1
            longest = max(longest, line)
            if longest >= limit { break }
        }
        return longest
    }

    /// Sheet names Excel accepts: no `[]:*?/\`, at most 31 characters, not empty, unique.
    static func sheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, name in
            var cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
                .trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if cleaned.isEmpty { cleaned = "Sheet\(index + 1)" }
            var candidate = cleaned
            var suffix = 2
            while !used.insert(candidate.lowercased()).inserted {
                candidate = String(cleaned.prefix(31 - "(\(suffix))".count)) + "(\(suffix))"
                suffix += 1
            }
            return candidate
        }
    }

    /// A cell's text as Excel stores it: at most 32 767 UTF-16 units (Excel's limit per cell;
    /// longer text would make Excel refuse the file), characters XML cannot carry written as
    /// `_xHHHH_`, and a literal `_xHHHH_` protected by `_x005F`.
    static func cellText(_ text: String) -> String {
        // Almost every text needs nothing: check its bytes before rebuilding it scalar by scalar.
        guard text.utf16.count > 32_767 || mayNeedEscapes(text) else { return text }
        var result = ""
        var units = 0
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            units += scalar.utf16.count
            if units > 32_767 { break }
            let value = scalar.value
            if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D || value == 0xFFFE || value == 0xFFFF {
                result += String(format: "_x%04X_", value)
            } else if scalar == "_", looksLikeEscape(scalars) {
                result += "_x005F_"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// True when the UTF-8 holds a control character, a `_`, or U+FFFE/U+FFFF (`EF BF BE/BF`).
    private static func mayNeedEscapes(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == UInt8(ascii: "_") { return true }
            if previous == (0xEF, 0xBF) && (byte == 0xBE || byte == 0xBF) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// True when `rest` (what follows a `_`) is `xHHHH_`.
    private static func looksLikeEscape(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        let next = rest.prefix(6)
        guard next.count == 6, next.first == "x", next.last == "_" else { return false }
        return next.dropFirst().dropLast().allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// `&`, `<`, `>`, `"`.
    private static func isXMLSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x26, 0x3C, 0x3E, 0x22: true
        default: false
        }
    }

    /// Escapes text for XML content and attribute values.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: isXMLSpecial) else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
