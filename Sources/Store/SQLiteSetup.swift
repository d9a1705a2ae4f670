import CSQLiteSetup

/// SQLite's process-wide settings, made once before the first workspace opens: multi-thread
/// mode and no memory statistics (`powerlist_sqlite_configure`). An import's hundreds of
/// thousands of inserts otherwise took a mutex on every bind and step, and another on every
/// allocation, for nothing: GRDB gives a connection to one thread at a time, and nothing here
/// reads SQLite's memory counters.
enum SQLiteSetup {
    /// Configures SQLite when it is not initialized yet; otherwise (another library opened a
    /// connection first) leaves it as it is, which is correct, only slower.
    static let once: Void = {
        _ = powerlist_sqlite_configure()
    }()
}
