/// Dates in a BIFF workbook are plain numbers (days since 1900 or 1904); only the number
/// format of the cell's XF says a person sees them as dates.
enum XLSDateFormat {
    /// Built-in format ids that show dates or times when the workbook has no FORMAT record
    /// for them: 14–22 everywhere, 27–36 and 50–58 in Chinese/Japanese/Korean Excel, 45–47
    /// (times), 71–81 (Thai) — the same table xlrd uses.
    static func isBuiltInDate(_ formatID: Int) -> Bool {
        switch formatID {
        case 14...22, 27...36, 45...47, 50...58, 71...81: true
        default: false
        }
    }

    /// A format code shows a date when it holds y, m, d, h or s outside quoted text, `[…]`
    /// sections (colours, locales, conditions), escaped characters and `_x`/`*x` fillers:
    /// `yyyy"年"m"月"d"日"` and `[h]:mm` are dates, `#,##0"元"` and `[Red]0.00` are not.
    static func isDate(code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var skipNext = false
        for character in code {
            if skipNext { skipNext = false; continue }
            if inQuotes { inQuotes = character != "\""; continue }
            if inBrackets { inBrackets = character != "]"; continue }
            switch character {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": skipNext = true
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S": return true
            default: break
            }
        }
        return false
    }

    /// ISO 8601 text for a date serial: `2024-03-01`, `2024-03-01T08:30:00`, or `08:30:00`
    /// for a time of day (serial below 1). Seconds are rounded as Excel shows them.
    /// Nil when the serial is no real date: negative, past 9999, or 1900's phantom 29 February.
    static func isoText(serial: Double, uses1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let totalSeconds = Int((serial * 86_400).rounded())
        let days = totalSeconds / 86_400
        let seconds = totalSeconds % 86_400
        let time = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        if days == 0 { return digits([time.0, time.1, time.2], separators: "::", yearFirst: false) }
        let daysSince1970: Int
        if uses1904 {
            daysSince1970 = days - 24_107
        } else {
            // Excel counts a 29 February 1900 that never was: serials after it are one day ahead.
            guard days != 60 else { return nil }
            daysSince1970 = days - (days > 60 ? 25_569 : 25_568)
        }
        let (year, month, day) = civilDate(daysSince1970: daysSince1970)
        if seconds == 0 { return digits([year, month, day], separators: "--", yearFirst: true) }
        return digits([year, month, day, time.0, time.1, time.2], separators: "--T::", yearFirst: true)
    }

    /// `2024-03-01T08:30:00` from its numbers: a year four digits wide, the rest two.
    /// Built byte by byte because string interpolation showed up in the reader's profile.
    private static func digits(_ values: [Int], separators: String, yearFirst: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(19)
        var separator = separators.utf8.makeIterator()
        for (index, value) in values.enumerated() {
            if index > 0, let byte = separator.next() { bytes.append(byte) }
            var divisor = index == 0 && yearFirst ? 1000 : 10
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Year, month and day of a day count from 1970-01-01 (Howard Hinnant's algorithm).
    private static func civilDate(daysSince1970: Int) -> (Int, Int, Int) {
        let z = daysSince1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
