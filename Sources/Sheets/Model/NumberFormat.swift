/// Which number formats show a date or time. XLSX styles and XLS FORMAT/XF records both
/// store a date as a plain number whose format says "date", so both readers ask here.
enum NumberFormat {
    /// Built-in format ids that show dates or times when the workbook defines no code for
    /// them: 14–22 and 45–47 everywhere, 27–36 and 50–58 in Chinese/Japanese/Korean Excel
    /// (`yyyy"年"m"月"`, …), 71–81 in Thai Excel (the table ECMA-376 and xlrd use).
    static func isBuiltInDate(_ id: Int) -> Bool {
        switch id {
        case 14...22, 27...36, 45...47, 50...58, 71...81: true
        default: false
        }
    }

    /// Whether format `id` shows a date: a code the workbook defines wins over the built-in table.
    static func isDate(id: Int, customCodes: [Int: String]) -> Bool {
        customCodes[id].map(isDate(code:)) ?? isBuiltInDate(id)
    }

    /// True when a format code shows a calendar date or time of day: it has y, m, d, h or s
    /// outside quoted text, `[…]` sections (colours, conditions, locales), `\` escapes and
    /// `_x`/`*x` fillers. `yyyy"年"m"月"` is a date; `#,##0"元"` and `[Red]0.00` are not.
    ///
    /// Elapsed-time formats (`[h]:mm`, `[mm]:ss`) show durations, which can pass 24 hours;
    /// as ISO text they would turn 25 hours into a date, so they stay numbers.
    static func isDate(code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var bracketContent: [Character] = []
        var skipNext = false
        var sawDatePart = false
        for character in code {
            if skipNext { skipNext = false; continue }
            if inQuotes { inQuotes = character != "\""; continue }
            if inBrackets {
                guard character == "]" else { bracketContent.append(character); continue }
                inBrackets = false
                if isElapsedTime(bracketContent) { return false }
                bracketContent.removeAll()
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": skipNext = true
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S": sawDatePart = true
            default: break
            }
        }
        return sawDatePart
    }

    /// `[h]`, `[hh]`, `[mm]`, `[ss]`: one time unit repeated, counting past its usual limit.
    private static func isElapsedTime(_ content: [Character]) -> Bool {
        guard let unit = content.first?.lowercased(), ["h", "m", "s"].contains(unit) else { return false }
        return content.allSatisfy { $0.lowercased() == unit }
    }
}
