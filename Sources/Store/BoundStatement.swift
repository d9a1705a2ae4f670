import Foundation
import GRDB
import GRDBSQLite

/// A prepared statement bound value by value through the SQLite C API, for the bulk inserts
/// of an import (hundreds of thousands of rows of up to 55 values). GRDB turns an argument
/// array into `DatabaseValue`s first, which cost a quarter of storing an item; here each
/// value goes straight to `sqlite3_bind_*` (texts copied by SQLite, `SQLITE_TRANSIENT`).
///
/// Bind every parameter (1-based, as SQLite counts) before each `run`: values are not cleared.
struct BoundStatement {
    /// Keeps the statement prepared (GRDB finalizes it when released).
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?

    init(_ sql: String, _ db: Database) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int?) {
        bind(index, value.map(Int64.init))
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUTF8 { bytes in
            guard let start = bytes.baseAddress else {
                // A NULL pointer would bind NULL, not an empty text.
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            _ = start.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), Self.transient)
            }
        }
    }

    /// The rowid of the row the last INSERT on the connection added.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(connection) }

    /// Runs the statement once (an INSERT or UPDATE) and makes it ready for the next values.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Runs a query and returns the first column of its first row, if any.
    func firstInteger() throws -> Int64? {
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return sqlite3_column_int64(handle, 0)
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    /// Runs a query and returns the first two columns of its first row, if any.
    func firstTwoIntegers() throws -> (Int64, Int64)? {
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return (sqlite3_column_int64(handle, 0), sqlite3_column_int64(handle, 1))
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                      sql: statement.sql)
    }

    /// SQLite copies the text before `sqlite3_bind_text` returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
