/// What the reader needs from `xl/styles.xml`: which cell styles (`<c s="…">`) show a date.
///
/// A date in XLSX is a plain number whose cell style points (cellXfs → numFmtId) at a date
/// number format, either a built-in id or a custom `formatCode`.
struct StyleSheet {
    /// Indexed by the cell's `s` attribute.
    var dateStyles: [Bool] = []

    @inline(__always)
    func isDate(style: Int) -> Bool {
        style >= 0 && style < dateStyles.count && dateStyles[style]
    }

    static func read(from package: XLSXPackage, part: String) throws(SheetsError) -> StyleSheet {
        let handler = StylesHandler()
        try package.parse(part, with: handler)
        return StyleSheet(dateStyles: handler.cellFormatIDs.map { id in
            handler.customFormats[id].map(isDateFormat) ?? builtInDateFormatIDs.contains(id)
        })
    }

    /// Built-in formats that show dates or times: 14–22 and 45–47 everywhere, 27–36 and 50–58
    /// in the Chinese, Japanese and Korean locales (`yyyy"年"m"月"`, …).
    static let builtInDateFormatIDs: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)

    /// True when a custom format code shows a date or time: it has y, m, d, h or s outside
    /// quoted text, `[…]` sections (colours, conditions, locales), escapes and padding.
    /// Elapsed-time formats such as `[h]:mm` are durations, not dates, and stay numbers.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var bracket: [Character] = []
        var inBracket = false
        var skipNext = false
        var sawDatePart = false
        for character in code {
            if skipNext { skipNext = false; continue }
            if inQuotes { inQuotes = character != "\""; continue }
            if inBracket {
                if character == "]" {
                    inBracket = false
                    let content = String(bracket).lowercased()
                    if ["h", "hh", "m", "mm", "s", "ss"].contains(content) { return false } // elapsed time
                    bracket.removeAll()
                } else {
                    bracket.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "[": inBracket = true
            case "\\", "_", "*": skipNext = true
            case ";": if sawDatePart { return true } // only the first (positive) section decides
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S": sawDatePart = true
            default: break
            }
        }
        return sawDatePart
    }
}

/// Reads `<numFmts>` and the `<cellXfs>` list, ignoring `<cellStyleXfs>` and everything else.
private final class StylesHandler: XMLStreamHandler {
    var customFormats: [Int: String] = [:]
    var cellFormatIDs: [Int] = []
    private var inCellFormats = false

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("numFmt") {
            if let id = attributes.value("numFmtId").flatMap(OOXMLText.integer),
               let code = attributes.string("formatCode") {
                customFormats[id] = code
            }
        } else if name.is("cellXfs") {
            inCellFormats = true
        } else if inCellFormats, name.is("xf") {
            cellFormatIDs.append(attributes.value("numFmtId").flatMap(OOXMLText.integer) ?? 0)
        }
    }

    override func endElement(_ name: XMLName) {
        if name.is("cellXfs") { inCellFormats = false }
    }
}

/// Excel serial dates → ISO 8601 text.
enum ExcelDate {
    /// `2024-03-01`, `2024-03-01T08:30:00`, or `08:30:00` for a time of day alone;
    /// nil for a serial no date can have (negative, past 9999-12-31, not finite).
    static func isoText(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let totalSeconds = Int((serial * 86_400).rounded())
        let days = totalSeconds / 86_400
        let seconds = totalSeconds % 86_400
        let time = seconds == 0 ? nil : "\(pad(seconds / 3600))"
            + ":\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
        if days == 0, !date1904, let time { return time }
        // Days since 1970-01-01. The 1900 system counts a 29 February 1900 that never was
        // (serial 60), so serials before it start a day later.
        let unixDays = date1904 ? days - 24_107 : (days < 61 ? days - 25_568 : days - 25_569)
        let (year, month, day) = civil(fromUnixDays: unixDays)
        let date = "\(year)-\(pad(month))-\(pad(day))"
        return time.map { "\(date)T\($0)" } ?? date
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    private static func civil(fromUnixDays unixDays: Int) -> (Int, Int, Int) {
        let z = unixDays + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
