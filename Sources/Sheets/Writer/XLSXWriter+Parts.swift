import Foundation

/// The XML parts of a minimal SpreadsheetML package, as `XLSXWriter` writes them.
enum XLSXParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
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

    /// `filterRanges[i]` is the filter of sheet i, nil for none.
    static func workbook(sheetNames: [String], filterRanges: [CellRange?]) -> String {
        var xml = declaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        xml += "<bookViews><workbookView/></bookViews><sheets>"
        for (index, name) in sheetNames.enumerated() {
            xml += #"<sheet name="\#(escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets>"
        // Excel keeps a filter's range in a hidden defined name; without it the filter is lost on save.
        let filters = zip(sheetNames, filterRanges).enumerated().compactMap { index, pair -> String? in
            guard let range = pair.1 else { return nil }
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

    /// The text a cell keeps in the shared-string table, nil for a value written inline.
    static func sharedText(_ value: CellValue) -> String? {
        switch value {
        case .number(let number) where number.isFinite: nil
        case .bool, .error: nil
        case .text, .date, .number: value.text
        }
    }

    /// `sharedIndex` gives a text cell's index in the shared strings (`XLSXWorksheet.init` added it).
    static func cell(_ cell: Cell, reference: String, style: Int, sharedIndex: () -> Int) -> String {
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
            return head + #" t="s"><v>\#(sharedIndex())</v></c>"#
        }
    }

    private static func absolute(_ range: CellRange) -> String {
        func absolute(_ address: CellAddress) -> String { "$\(CellAddress.columnName(address.column))$\(address.row + 1)" }
        return "\(absolute(range.first)):\(absolute(range.last))"
    }

    /// The width of the longest line, a Chinese character counting two (for column widths);
    /// one pass over the scalars, stopping once a line reaches `limit`.
    static func longestLineWidth(_ text: String, atMost limit: Int) -> Int {
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
