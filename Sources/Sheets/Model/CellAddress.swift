/// A cell position, zero-based internally, shown as Excel shows it (`D12`).
public struct CellAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Zero-based row index (row 1 in Excel is 0).
    public var row: Int
    /// Zero-based column index (column A is 0).
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses an A1-style reference such as `D12` or `$D$12`; nil when it is not one.
    public init?(_ reference: some StringProtocol) {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigit else { return nil }
                sawLetter = true
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                guard column <= 16_384 else { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard sawLetter else { return nil }
                sawDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                guard row <= 1_048_576 else { return nil }
            default:
                return nil
            }
        }
        guard sawLetter, sawDigit, row > 0 else { return nil }
        self.init(row: row - 1, column: column - 1)
    }

    /// Column letters as Excel shows them: 0 → `A`, 26 → `AA`.
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `D12`
    public var description: String { "\(Self.columnName(column))\(row + 1)" }

    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A rectangular block of cells, such as a merged range `A3:A5`. Both corners are inclusive.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellAddress
    public var last: CellAddress

    public init(first: CellAddress, last: CellAddress) {
        self.first = CellAddress(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellAddress(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses `A3:B5` (or a single `A3`).
    public init?(_ reference: some StringProtocol) {
        let parts = reference.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let first = CellAddress(parts[0]),
              let last = CellAddress(parts[parts.count - 1]) else { return nil }
        self.init(first: first, last: last)
    }

    public var rowCount: Int { last.row - first.row + 1 }
    public var columnCount: Int { last.column - first.column + 1 }

    public func contains(_ address: CellAddress) -> Bool {
        (first.row...last.row).contains(address.row) && (first.column...last.column).contains(address.column)
    }

    /// `A3:B5`, or `A3` for a single cell.
    public var description: String { first == last ? "\(first)" : "\(first):\(last)" }
}
