import GRDB

/// An INSERT run for many rows at a time: `INSERT INTO t (…) VALUES (…), (…), …` with
/// `rowsPerRun` rows, the rows left over one by one. Each run of a statement costs SQLite far
/// more than one row's values (resetting it, opening and closing the table's cursors, the
/// transaction checks): on an import's 1.9 million rows, running a statement per row was about
/// half of SQLite's share of the writing thread.
///
/// Rows take their ids in order; a table whose ids the caller needs back (to refer to the rows)
/// is given them explicitly (`nextID`), as no `lastInsertedRowID` is known between runs.
struct MultiRowInsert {
    static let rowsPerRun = 32

    private let many: BoundStatement
    private let one: BoundStatement
    private let columnCount: Int32

    init(into table: String, columns: [String], _ db: Database) throws {
        let names = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let row = "(\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
        let insert = "INSERT INTO \(table.quotedDatabaseIdentifier) (\(names)) VALUES "
        many = try BoundStatement(insert + Array(repeating: row, count: Self.rowsPerRun).joined(separator: ", "), db)
        one = try BoundStatement(insert + row, db)
        columnCount = Int32(columns.count)
    }

    /// Inserts `count` rows, row `index` bound by `bind(index, row)`: every column of each row,
    /// as values are not cleared between runs.
    func insert(count: Int, _ bind: (Int, Row) throws -> Void) throws {
        var start = 0
        while count - start >= Self.rowsPerRun {
            for offset in 0..<Self.rowsPerRun {
                try bind(start + offset, Row(statement: many, offset: Int32(offset) * columnCount))
            }
            try many.run()
            start += Self.rowsPerRun
        }
        for index in start..<count {
            try bind(index, Row(statement: one, offset: 0))
            try one.run()
        }
    }

    /// The values of one row, bound by column (1-based, in the order of `columns`).
    struct Row {
        fileprivate let statement: BoundStatement
        fileprivate let offset: Int32

        func bind(_ column: Int32, _ value: Int64?) { statement.bind(offset + column, value) }
        func bind(_ column: Int32, _ value: Int?) { statement.bind(offset + column, value) }
        func bind(_ column: Int32, _ value: String?) { statement.bind(offset + column, value) }

        /// The same row with its columns counted from `column` (1-based) on: for a record whose
        /// binding is shared by tables that put columns before it.
        func columns(from column: Int32) -> Row { Row(statement: statement, offset: offset + column - 1) }
    }

    /// The id the next row of `table` would get: past every row it holds, and for an
    /// `AUTOINCREMENT` table past every id it ever gave (`sqlite_sequence`).
    static func nextID(of table: String, _ db: Database) throws -> Int64 {
        let largest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(table.quotedDatabaseIdentifier)") ?? 0
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table])
        return max(largest, sequence ?? 0) + 1
    }
}
