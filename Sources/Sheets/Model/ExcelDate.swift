/// Excel date serials (days since an epoch, the fraction being the time of day) → ISO 8601 text.
///
/// The rules, the same for XLSX and XLS:
/// - A serial below 1 is a time of day alone (`08:30:00`): that is how Excel stores a time
///   typed without a date, in both date systems (and how xlrd reads it). Day 0 of the 1900
///   system is no real date (Excel shows `1900-01-00`); in the 1904 system it is 1904-01-01,
///   which reads as `00:00:00`, a date no catalogue holds.
/// - The 1900 system counts a 29 February 1900 that never was (serial 60, a Lotus 1-2-3 bug
///   Excel kept). Serials 1–59 are the real 1900-01-01…1900-02-28 and later serials are one
///   day ahead; serial 60 itself is no date, so the cell keeps its number rather than
///   inventing one (xlrd, which the XLS digests come from, refuses it too).
/// - Negative serials, serials past 9999-12-31 and non-finite values are no dates either.
enum ExcelDate {
    /// `2024-03-01`, `2024-03-01T08:30:00` or `08:30:00`; nil when the serial is no date.
    /// Seconds are rounded as Excel shows them.
    static func isoText(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let totalSeconds = Int((serial * 86_400).rounded())
        let days = totalSeconds / 86_400
        let seconds = totalSeconds % 86_400
        var text = ISOText()
        guard days > 0 else {
            text.appendTime(seconds)
            return text.string
        }
        let daysSince1970: Int
        if date1904 {
            daysSince1970 = days - 24_107
        } else {
            guard days != 60 else { return nil }
            daysSince1970 = days - (days > 60 ? 25_569 : 25_568)
        }
        text.appendDate(daysSince1970: daysSince1970)
        if seconds > 0 {
            text.bytes.append(UInt8(ascii: "T"))
            text.appendTime(seconds)
        }
        return text.string
    }

    /// An ISO date as a file wrote it (an XLSX `t="d"` cell), in the shape serials get: a
    /// midnight time (`2024-03-01T00:00:00`, `…T00:00:00.000Z`) is dropped, so one date reads
    /// as one text however it was stored. Anything else is kept as written.
    static func isoText(written text: String) -> String {
        guard let time = text.firstIndex(of: "T"), text.distance(from: text.startIndex, to: time) == 10 else {
            return text
        }
        var rest = text[text.index(after: time)...]
        if rest.hasSuffix("Z") { rest = rest.dropLast() }
        let isMidnight = rest.hasPrefix("00:00:00") && rest.dropFirst(8).allSatisfy { $0 == "." || $0 == "0" }
        return isMidnight ? String(text[..<time]) : text
    }

    /// Built byte by byte: string interpolation showed up in the readers' profiles.
    private struct ISOText {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(19) }

        var string: String { String(decoding: bytes, as: UTF8.self) }

        mutating func appendTime(_ seconds: Int) {
            appendDigits(seconds / 3600, width: 2)
            bytes.append(UInt8(ascii: ":"))
            appendDigits(seconds / 60 % 60, width: 2)
            bytes.append(UInt8(ascii: ":"))
            appendDigits(seconds % 60, width: 2)
        }

        /// Year, month and day of a day count from 1970-01-01 (Howard Hinnant's days-to-civil
        /// algorithm, proleptic Gregorian calendar).
        mutating func appendDate(daysSince1970: Int) {
            let z = daysSince1970 + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let shiftedMonth = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
            let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
            appendDigits(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), width: 4)
            bytes.append(UInt8(ascii: "-"))
            appendDigits(month, width: 2)
            bytes.append(UInt8(ascii: "-"))
            appendDigits(day, width: 2)
        }

        private mutating func appendDigits(_ value: Int, width: Int) {
            var divisor = width == 4 ? 1000 : 10
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
    }
}
