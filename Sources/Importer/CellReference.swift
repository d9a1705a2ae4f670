import Sheets

// Cell references as text, written the way `CellAddress.description` and
// `CellRange.description` write them (`D12`, `D12:D14`) but byte by byte: an import writes
// one for every value it keeps, and interpolating the column letters and the row number
// cost a fifth of its time. A reference of up to 15 bytes fits in a small string, so most
// cost no allocation at all.

extension CellRange {
    /// `A3:B5`, or `A3` for a single cell; the same text as `description`.
    var reference: String {
        guard min(first.row, first.column, last.row, last.column) >= 0 else { return description }
        let single = first == last
        let length = first.referenceLength + (single ? 0 : 1 + last.referenceLength)
        return String(unsafeUninitializedCapacity: length) { buffer in
            var end = first.writeReference(into: buffer, at: 0)
            if !single {
                buffer[end] = UInt8(ascii: ":")
                end = last.writeReference(into: buffer, at: end + 1)
            }
            return end
        }
    }

    /// The range from the earlier top-left corner of the two (in reading order) to the
    /// furthest bottom-right row and column: `D12` + `D13` → `D12:D13`. For two ranges that
    /// begin in the same column, as the cells of one column of an item do, that is the
    /// smallest range holding both.
    func joined(with other: CellRange) -> CellRange {
        CellRange(first: min(first, other.first),
                  last: CellAddress(row: max(last.row, other.last.row), column: max(last.column, other.last.column)))
    }
}

extension CellAddress {
    /// `D12`; the same text as `description`.
    var reference: String { CellRange(first: self, last: self).reference }

    /// Letters of the column and digits of the row (both non-negative).
    fileprivate var referenceLength: Int { Self.letterCount(column) + Self.digitCount(row + 1) }

    /// Writes the reference at `start`, each part from its last character back (columns are
    /// bijective base 26: A…Z, AA…); returns the index after it.
    fileprivate func writeReference(into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        let digitsStart = start + Self.letterCount(column)
        let end = digitsStart + Self.digitCount(row + 1)
        var index = digitsStart, n = column + 1
        while n > 0 {
            index -= 1
            buffer[index] = UInt8(ascii: "A") + UInt8((n - 1) % 26)
            n = (n - 1) / 26
        }
        index = end
        n = row + 1
        while n > 0 {
            index -= 1
            buffer[index] = UInt8(ascii: "0") + UInt8(n % 10)
            n /= 10
        }
        return end
    }

    private static func letterCount(_ column: Int) -> Int {
        var count = 0, n = column + 1
        while n > 0 { count += 1; n = (n - 1) / 26 }
        return count
    }

    private static func digitCount(_ number: Int) -> Int {
        var count = 0, n = number
        while n > 0 { count += 1; n /= 10 }
        return count
    }
}
