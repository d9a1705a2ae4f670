import Catalogue
import Foundation
import GRDB

/// What one imported file produced, as the Store records it.
public struct SourceContents: Sendable {
    public var items: [PowerItem]
    /// Units found in the file, including any without items.
    public var units: [AdminUnit]
    public var findings: [Finding]

    public init(items: [PowerItem] = [], units: [AdminUnit] = [], findings: [Finding] = []) {
        self.items = items
        self.units = units
        self.findings = findings
    }
}

/// What `importSource` did with a file.
public enum ImportOutcome: Equatable, Sendable {
    /// A file new to the revision.
    case added
    /// A file already imported at the same path whose content changed: its earlier items
    /// and findings were replaced.
    case replaced
    /// The same content is already in the revision, at `path` (this file's own path, or the
    /// path it was first imported from when it has been moved or copied). Nothing changed.
    case unchanged(path: String)
}

extension Workspace {
    /// Imports one file into a revision (created when new), in one transaction.
    ///
    /// A file is identified within a revision by its content first, then by its path:
    /// - same sha256 already in the revision (at any path) → `.unchanged`, `contents` is not
    ///   even called (a moved or copied file is not imported twice; a path whose file became
    ///   a copy of another source loses its earlier items);
    /// - same path, different sha256 → `.replaced`: its earlier items and findings are deleted;
    /// - otherwise → `.added`.
    ///
    /// - Parameters:
    ///   - source: the file (its `path` as from `sourcePath(for:)`), its sha256 and real format.
    ///   - contents: reads the file; called only when the file is not already imported.
    /// - Throws: errors from `contents`, and `StoreError`; either way the database is unchanged.
    public func importSource(_ source: Source, revision: String,
                             contents: () throws -> SourceContents) throws -> ImportOutcome {
        if let existing = try read({ db in try Self.source(withSHA256: source.sha256, revision: revision, db) }) {
            if existing != source.path {
                // This path now holds a copy of another source: whatever it held before is gone.
                try write { db in
                    let revisionID = try Self.revisionID(label: revision, db)
                    _ = try Self.deleteSource(path: source.path, revisionID: revisionID, db)
                }
            }
            return .unchanged(path: existing)
        }
        let contents = try contents()
        return try write { db in
            // Checked again inside the transaction: another process may have imported it meanwhile.
            if let existing = try Self.source(withSHA256: source.sha256, revision: revision, db) {
                return .unchanged(path: existing)
            }
            let revisionID = try Self.revisionID(label: revision, db)
            let replaced = try Self.deleteSource(path: source.path, revisionID: revisionID, db)
            let sourceID = try Self.insertSource(source, revisionID: revisionID, db)
            var units = UnitIDs()
            for unit in contents.units { _ = try units.id(of: unit, db) }
            for (position, item) in contents.items.enumerated() {
                try Self.insertItem(item, position: position, revisionID: revisionID, sourceID: sourceID,
                                    unitID: units.id(of: item.unit, db), db)
            }
            for finding in contents.findings {
                try Self.insertFinding(finding, sourceID: sourceID, db)
            }
            return replaced ? .replaced : .added
        }
    }

    private static func source(withSHA256 sha256: String, revision: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT sources.path FROM sources JOIN revisions ON revisions.id = sources.revisionId
            WHERE revisions.label = ? AND sources.sha256 = ? ORDER BY sources.id LIMIT 1
            """, arguments: [revision, sha256])
    }

    /// Records the date of a revision (when the edition was published or handed in),
    /// creating the revision when it is new.
    public func setDate(_ date: Date, ofRevision label: String) throws {
        try write { db in
            let id = try Self.revisionID(label: label, db)
            try db.execute(sql: "UPDATE revisions SET date = ? WHERE id = ?", arguments: [date, id])
        }
    }

    private static func revisionID(label: String, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM revisions WHERE label = ?", arguments: [label]) {
            return id
        }
        try db.execute(sql: "INSERT INTO revisions (label, createdAt) VALUES (?, ?)", arguments: [label, Date()])
        return db.lastInsertedRowID
    }

    /// Deletes the source at `path` in the revision (its items, cells, extras and findings
    /// cascade); true when there was one.
    private static func deleteSource(path: String, revisionID: Int64, _ db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM sources WHERE revisionId = ? AND path = ?", arguments: [revisionID, path])
        return db.changesCount > 0
    }

    private static func insertSource(_ source: Source, revisionID: Int64, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO sources (revisionId, path, sha256, format, importedAt) VALUES (?, ?, ?, ?, ?)
            """, arguments: [revisionID, source.path, source.sha256, source.format, source.importedAt])
        return db.lastInsertedRowID
    }

    private static let itemColumns = ["revisionId", "sourceId", "unitId", "position"]
        + ItemField.allCases.map(\.rawValue) + ["file", "sheet", "firstRow", "lastRow"]

    private static let insertItemSQL = """
        INSERT INTO items (\(itemColumns.map { "\"\($0)\"" }.joined(separator: ", ")))
        VALUES (\(Array(repeating: "?", count: itemColumns.count).joined(separator: ", ")))
        """

    private static func insertItem(_ item: PowerItem, position: Int, revisionID: Int64, sourceID: Int64,
                                   unitID: Int64, _ db: Database) throws {
        var values: [(any DatabaseValueConvertible)?] = [revisionID, sourceID, unitID, position]
        values += ItemField.allCases.map { item.fields[$0] }
        values += [item.provenance.file, item.provenance.sheet, item.provenance.firstRow, item.provenance.lastRow]
        try db.cachedStatement(sql: insertItemSQL).execute(arguments: StatementArguments(values))
        let itemID = db.lastInsertedRowID
        let insertCell = try db.cachedStatement(sql: "INSERT INTO itemCells (itemId, field, cell) VALUES (?, ?, ?)")
        for (field, cell) in item.provenance.cells.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try insertCell.execute(arguments: [itemID, field.rawValue, cell])
        }
        let insertExtra = try db.cachedStatement(sql: """
            INSERT INTO extraFields (itemId, position, header, value, cell) VALUES (?, ?, ?, ?, ?)
            """)
        for (position, extra) in item.extraFields.enumerated() {
            try insertExtra.execute(arguments: [itemID, position, extra.header, extra.value, extra.cell])
        }
    }

    private static func insertFinding(_ finding: Finding, sourceID: Int64, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO findings (sourceId, code, severity, message, file, sheet, cell) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [sourceID, finding.code, finding.severity.rawValue, finding.message,
                             finding.location.file, finding.location.sheet, finding.location.cell])
    }
}

/// Unit ids by unit, inserting a unit the first time it is seen.
private struct UnitIDs {
    private var known: [AdminUnit: Int64] = [:]

    mutating func id(of unit: AdminUnit, _ db: Database) throws -> Int64 {
        if let id = known[unit] { return id }
        try db.execute(sql: "INSERT INTO units (name, level) VALUES (?, ?) ON CONFLICT DO NOTHING",
                       arguments: [unit.name, unit.level.rawValue])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM units WHERE name = ? AND level = ?",
                                          arguments: [unit.name, unit.level.rawValue]) else {
            throw StoreError.database(file: "", detail: "无法登记单位 \(unit.name)")
        }
        known[unit] = id
        return id
    }
}
