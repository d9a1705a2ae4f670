/// The values of a row, or of an item, by column: a small array kept sorted by column.
///
/// A row or an item holds a dozen columns or so, and a sheet has hundreds of thousands of
/// them; an array costs one allocation and no hashing where a dictionary per row cost more
/// to build than it saved in lookups. Sorted, it also gives the columns left to right, as
/// an item is assembled.
struct ColumnValues {
    private(set) var entries: [(column: Int, value: CellText)] = []

    init() {}

    init(minimumCapacity: Int) {
        entries.reserveCapacity(minimumCapacity)
    }

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }
    /// The leftmost value.
    var first: CellText? { entries.first?.value }

    subscript(column: Int) -> CellText? {
        get {
            let index = insertionIndex(of: column)
            return index < entries.count && entries[index].column == column ? entries[index].value : nil
        }
        set {
            // Rows give their cells left to right, so a new column usually goes at the end.
            if entries.last.map({ $0.column < column }) ?? true {
                if let newValue { entries.append((column, newValue)) }
                return
            }
            let index = insertionIndex(of: column)
            let present = index < entries.count && entries[index].column == column
            switch (newValue, present) {
            case (let value?, true): entries[index].value = value
            case (let value?, false): entries.insert((column, value), at: index)
            case (nil, true): entries.remove(at: index)
            case (nil, false): break
            }
        }
    }

    /// Where `column` is, or would go: the first entry at or right of it.
    private func insertionIndex(of column: Int) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].column < column { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
