/// What a cell holds, already decoded from its file format.
///
/// Empty cells are not stored at all. Text from a shared-string table is the same
/// `String` instance as the table's entry, so a string repeated in many cells is held once.
public enum CellValue: Hashable, Sendable {
    case text(String)
    case number(Double)
    /// A date or date-time recognised from the cell's number format, as an ISO 8601 text:
    /// `2024-03-01`, `2024-03-01T08:30:00`, or `08:30:00` for a time of day (see `ExcelDate`).
    case date(String)
    case bool(Bool)
    /// An error value such as `#N/A` or `#DIV/0!`.
    case error(String)

    /// The value as a person sees it in the spreadsheet: numbers without a spurious `.0`
    /// (`1.0` → `1`), booleans as `TRUE`/`FALSE`, dates as ISO text.
    public var text: String {
        switch self {
        case .text(let string): string
        case .number(let number): Self.display(number)
        case .date(let iso): iso
        case .bool(let flag): flag ? "TRUE" : "FALSE"
        case .error(let code): code
        }
    }

    /// Formats a number the way a spreadsheet's General format would show it.
    public static func display(_ number: Double) -> String {
        if number.isNaN { return "#NUM!" }
        if number.rounded() == number, abs(number) < 1e15 {
            return String(Int64(number))
        }
        // Shortest text that reads back as the same double; trim binary noise like 0.30000000000000004.
        let rounded = (number * 1e10).rounded() / 1e10
        if abs(number) >= 1e-5, abs(number) < 1e15, abs(rounded - number) < 1e-12 * max(1, abs(number)) {
            return "\(rounded)"
        }
        return "\(number)"
    }
}
