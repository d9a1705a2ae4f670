import Foundation

/// The rows of one sheet to write, produced on demand rather than held whole: `XLSXWriter`
/// walks them once, keeping 8 bytes a cell (`XLSXSheetSurvey`), so a report of 700,000 rows
/// never exists as one `Sheet` in memory. A source that can make any row alone
/// (`init(name:mergedRanges:count:row:)`) has its rows made in chunks on all cores.
///
/// ```swift
/// let source = SheetSource(name: "检查结果", count: findings.count) { row($0, findings[$0]) }
/// try XLSXWriter().write([source], to: url)
/// ```
public struct SheetSource {
    public var name: String
    public var mergedRanges: [CellRange]
    /// Calls its argument with each row, in ascending row index.
    public var forEachRow: ((Row) throws -> Void) throws -> Void
    /// For rows any one of which can be made alone: their number and the maker, which the
    /// writer calls from several threads at once (the rows in chunks on all cores).
    public private(set) var rowAccess: (count: Int, row: @Sendable (Int) -> Row)?

    public init(name: String, mergedRanges: [CellRange] = [],
                forEachRow: @escaping ((Row) throws -> Void) throws -> Void) {
        self.name = name
        self.mergedRanges = mergedRanges
        self.forEachRow = forEachRow
    }

    /// `count` rows, the `i`-th made by `row(i)` (in ascending row index, the same row every
    /// time, from any thread): the writer makes them on all cores.
    public init(name: String, mergedRanges: [CellRange] = [], count: Int, row: @escaping @Sendable (Int) -> Row) {
        self.init(name: name, mergedRanges: mergedRanges) { body in
            for index in 0..<count { try body(row(index)) }
        }
        rowAccess = (count, row)
    }

    /// The rows of a sheet already in memory, in index order.
    public init(_ sheet: Sheet) {
        let rows = sheet.rows.sorted { $0.index < $1.index }
        self.init(name: sheet.name, mergedRanges: sheet.mergedRanges) { body in
            for row in rows { try body(row) }
        }
    }
}
