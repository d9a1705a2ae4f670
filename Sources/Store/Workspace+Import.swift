import Catalogue
import Foundation
import GRDB

/// What one imported file produced, as the Store records it: the clean items (each with its
/// raw item), the units, the import findings and who handed the file in.
public struct SourceContents: Sendable {
    public var items: [PowerItem]
    /// Units found in the file, including any without items.
    public var units: [AdminUnit]
    /// Findings of the import (a finding with an `item` key is tied to the first item of
    /// this file with that key).
    public var findings: [Finding]
    /// Who handed the file in, when known (a consolidated list's owner).
    public var submitter: String?

    public init(items: [PowerItem] = [], units: [AdminUnit] = [], findings: [Finding] = [], submitter: String? = nil) {
        self.items = items
        self.units = units
        self.findings = findings
        self.submitter = submitter
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
        try importSourceInChunks(source, revision: revision) { SourceStream(try contents()) }
    }

    /// Imports one file as `importSource(_:revision:contents:)` does, its items and findings
    /// stored chunk by chunk as `stream`'s `nextChunk` makes them, still in one transaction.
    public func importSourceInChunks(_ source: Source, revision: String,
                                     stream: () throws -> SourceStream) throws -> ImportOutcome {
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
        let stream = try stream()
        return try write { db in
            // Checked again inside the transaction: another process may have imported it meanwhile.
            if let existing = try Self.source(withSHA256: source.sha256, revision: revision, db) {
                return .unchanged(path: existing)
            }
            let revisionID = try Self.revisionID(label: revision, db)
            let replaced = try Self.deleteSource(path: source.path, revisionID: revisionID, db)
            let sourceID = try Self.insertSource(source, submitter: stream.submitter, revisionID: revisionID, db)
            let indexes = try DeferredIndexes.dropIfEmpty(db)
            var writer = try SourceWriter(revisionID: revisionID, sourceID: sourceID, db)
            try writer.insert(stream.units, db)
            var preparer = ChunkPreparer(lists: try CitationLists(db))
            try writer.insertLeading(preparer.prepare(leading: stream.leadingFindings), db)
            let preparation = ChunkPreparation(stream, preparer: preparer)
            defer { preparation.cancel() }
            let clock = PhaseClock.shared
            while let chunk = try preparation.next() {
                try clock.measure(.write) { try writer.write(chunk, db) }
            }
            try clock.measure(.indexes) { try indexes.create(db) }
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

    static func revisionID(label: String, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM revisions WHERE label = ?", arguments: [label]) {
            return id
        }
        try db.execute(sql: "INSERT INTO revisions (label, createdAt) VALUES (?, ?)", arguments: [label, Date()])
        return db.lastInsertedRowID
    }

    /// Deletes the source at `path` in the revision (its items, extras and findings cascade),
    /// then the texts no item uses any more; true when there was one.
    private static func deleteSource(path: String, revisionID: Int64, _ db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM sources WHERE revisionId = ? AND path = ?", arguments: [revisionID, path])
        guard db.changesCount > 0 else { return false }
        try db.execute(sql: CitationListIDs.unusedListsDeletion)
        try db.execute(sql: unusedTextsDeletion)
        return true
    }

    /// Deletes every text that no item (raw or clean value) or finding refers to (NULL ids are
    /// left out: `NOT IN` a list with NULL is never true).
    static let unusedTextsDeletion = """
        DELETE FROM texts WHERE id NOT IN (\(ItemField.allCases.map { field in
            "SELECT \(Schema.textIDColumn(field)) FROM itemRecords WHERE \(Schema.textIDColumn(field)) IS NOT NULL"
        }.joined(separator: " UNION ")) UNION SELECT textId FROM cleanFields WHERE textId IS NOT NULL
        UNION SELECT itemKeyId FROM findings WHERE itemKeyId IS NOT NULL
        UNION SELECT messageId FROM findings UNION SELECT fileId FROM findings UNION SELECT messageId FROM listFindings)
        """

    private static func insertSource(_ source: Source, submitter: String?, revisionID: Int64, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO sources (revisionId, path, sha256, format, importedAt, submitter) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [revisionID, source.path, source.sha256, source.format, source.importedAt, submitter])
        return db.lastInsertedRowID
    }
}
