import GRDB

/// Migration v3: what the diff found and what reviewers decided.
///
/// - `pairings`: the `ChangeSet` of one pair of revisions (by label), one row per change in
///   report order. Kind, direction, keys, confidence and review status are columns so the
///   site's change pages and item histories can query them; the whole `Change` (item refs,
///   field changes, reasons) is kept as JSON in `change`, so loading gives back exactly what
///   was saved. A re-diff of the same pair replaces its rows.
/// - `decisions`: reviewers' decisions, one per pairing signature (a later decision about
///   the same pairing replaces the earlier one), with who decided, why and when.
enum SchemaVersion3 {
    static func migrate(_ db: Database) throws {
        try db.create(table: "pairings") { t in
            t.column("oldRevision", .text).notNull()
            t.column("newRevision", .text).notNull()
            t.column("position", .integer).notNull()
            t.column("kind", .text).notNull()
            t.column("direction", .text)
            t.column("oldKeys", .text).notNull()
            t.column("newKeys", .text).notNull()
            t.column("confidence", .double).notNull()
            t.column("confirmed", .boolean).notNull()
            t.column("reviewer", .text)
            t.column("change", .text).notNull()
            t.primaryKey(["oldRevision", "newRevision", "position"])
        }
        try db.create(index: "pairings_by_kind", on: "pairings", columns: ["oldRevision", "newRevision", "kind"])
        try db.create(table: "decisions") { t in
            t.column("signature", .text).primaryKey()
            t.column("oldKeys", .text).notNull()
            t.column("newKeys", .text).notNull()
            t.column("action", .text).notNull()
            t.column("targets", .text).notNull()
            t.column("reviewer", .text)
            t.column("reason", .text)
            t.column("decidedAt", .datetime).notNull()
        }
    }
}
