import GRDB

/// Migration v5: `cleanFingerprints(sourceId, fingerprint)` — what the clean values, citations
/// and per-item findings of a source were computed with (`CleanFingerprint` in Cleanup: the
/// cleaner's version and its schema files). `powerlist check` skips its re-clean when every
/// source of the revision carries the current fingerprint. A row goes with its source (a
/// re-import deletes the source and writes a new row); a source without one (imported before
/// v5, or cleaned with schemas built in code) is cleaned again by the next check.
enum SchemaVersion5 {
    static let identifier = "v5: clean fingerprints per source"

    static func migrate(_ db: Database) throws {
        try db.create(table: "cleanFingerprints") { t in
            t.primaryKey("sourceId", .integer).references("sources", onDelete: .cascade)
            t.column("fingerprint", .text).notNull()
        }
    }
}
