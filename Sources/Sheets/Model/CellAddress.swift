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
        self.init(a1: reference.utf8)
    }

    /// The same from raw bytes, so the XLSX reader parses attribute values without making Strings.
    init?(a1 bytes: some Sequence<UInt8>) {
        guard let parts = Self.a1Parts(bytes), let column = parts.column, let row = parts.row else { return nil }
        self.init(row: row, column: column)
    }

    /// The zero-based column and row of an A1 reference (`$` signs allowed). Either may be
    /// missing, as in a cell's `r="C"` or a row reference `12`; nil for anything else.
    /// Byte by byte and without allocation: the XLSX reader calls it for every cell.
    static func a1Parts(_ bytes: some Sequence<UInt8>) -> (column: Int?, row: Int?)? {
        var column = 0, row = 0
        var sawLetter = false, sawDigit = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigit else { return nil }
                sawLetter = true
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                guard column <= 16_384 else { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                guard row <= 1_048_576 else { return nil }
            default:
                return nil
            }
        }
        guard sawLetter || sawDigit else { return nil }
        return (sawLetter ? column - 1 : nil, sawDigit && row > 0 ? row - 1 : nil)
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
        self.init(a1: reference.utf8)
    }

    /// The same from raw bytes (an XLSX `<mergeCell ref="…">`).
    init?<Bytes: Collection<UInt8>>(a1 bytes: Bytes) {
        let colon = bytes.firstIndex(of: UInt8(ascii: ":"))
        let firstPart = bytes[..<(colon ?? bytes.endIndex)]
        let lastPart = colon.map { bytes[bytes.index(after: $0)...] } ?? firstPart
        guard let first = CellAddress(a1: firstPart), let last = CellAddress(a1: lastPart) else { return nil }
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
