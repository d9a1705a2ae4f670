import Catalogue
import Foundation
import GRDB

/// A workspace: a folder holding the database `powerlist.sqlite` (sources, revisions, units,
/// items with provenance, import findings) next to the workspace config that the Importer reads.
///
/// Every method that writes does so in one transaction, so a failure leaves the database as it was.
///
/// ```swift
/// let workspace = try Workspace.open(folder: URL(fileURLWithPath: "."))
/// let outcome = try workspace.importSource(source, revision: "2024") { try readContents() }
/// let items = try workspace.items(matching: ItemFilter(revision: "2024", category: "行政许可"))
/// ```
public struct Workspace: Sendable {
    /// The database file's name inside the workspace folder.
    public static let databaseFileName = "powerlist.sqlite"

    public let folder: URL
    let database: DatabaseQueue

    /// Seconds a statement waits for another process's lock on the database before failing.
    static let busyTimeout: TimeInterval = 30

    /// The database file.
    public var databaseFile: URL { folder.appendingPathComponent(Self.databaseFileName) }

    /// Opens the workspace in `folder`, creating the folder and its database (when `create`
    /// is true) and bringing its schema up to date.
    ///
    /// - Throws: `StoreError` when the folder is missing (and `create` is false) or is a file,
    ///   the database is absent and `create` is false, or the database was written by a newer powerlist.
    public static func open(folder: URL, create: Bool = true) throws -> Workspace {
        SQLiteSetup.once
        let folder = folder.standardizedFileURL
        if create, !FileManager.default.fileExists(atPath: folder.path) {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError.workspaceFolderMissing(folder.path)
        }
        let file = folder.appendingPathComponent(databaseFileName)
        guard create || FileManager.default.fileExists(atPath: file.path) else {
            throw StoreError.noDatabase(folder.path)
        }
        return try StoreError.wrapping(file: file.path) {
            var configuration = Configuration()
            // 64 MiB of page cache (SQLite's default is 2 MiB): a large import then writes each
            // page once at commit instead of spilling and re-reading pages halfway.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
            // Another process's write transaction (an import committing) makes SQLite wait, not fail.
            configuration.busyMode = .timeout(busyTimeout)
            // Two processes creating one workspace at once must not both create it: the one
            // that comes second waits, then finds it made.
            let isNew = ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0) == 0
            let creationLock = isNew ? try WorkspaceLock.acquire(folder: folder, timeout: busyTimeout) : nil
            defer { withExtendedLifetime(creationLock) {} }
            let database = try DatabaseQueue(path: file.path, configuration: configuration)
            let migrator = Schema.migrator
            let (superseded, complete) = try database.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            guard !superseded else { throw StoreError.newerSchema(file.path) }
            if !complete {
                // Nor both bring an older workspace up to date.
                let lock = creationLock == nil ? try WorkspaceLock.acquire(folder: folder, timeout: busyTimeout) : nil
                try migrator.migrate(database)
                withExtendedLifetime(lock) {}
            }
            return Workspace(folder: folder, database: database)
        }
    }

    /// How a file is recorded as a source: relative to the workspace folder when it lies
    /// inside it (so the workspace can be moved), otherwise its absolute path.
    public func sourcePath(for file: URL) -> String {
        let path = file.standardizedFileURL.resolvingSymlinksInPath().path
        let root = folder.resolvingSymlinksInPath().path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The file a recorded source path points at (the inverse of `sourcePath(for:)`).
    public func file(atSourcePath path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
    }

    /// Another, read-only connection to the database, for a read beside one on `database`
    /// (a connection runs one statement at a time).
    func secondConnection() throws -> DatabaseQueue {
        try StoreError.wrapping(file: databaseFile.path) {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(Self.busyTimeout)
            return try DatabaseQueue(path: databaseFile.path, configuration: configuration)
        }
    }

    /// Runs a read, turning database errors into `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try StoreError.wrapping(file: databaseFile.path) { try database.read(body) }
    }

    /// Runs a write in one transaction (rolled back when `body` throws).
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try StoreError.wrapping(file: databaseFile.path) { try database.write(body) }
    }
}
