import Catalogue
import Concurrency
import GRDB

/// The reads and writes of `powerlist check` when the stored clean values are current: a
/// revision's items as the cross-item checks and the report need them, and the fingerprint of
/// the schemas each source was cleaned with (`cleanFingerprints`, migration v5).
extension Workspace {
    /// The fields a check view holds: what the duplicate, 多头 and licence checks compare, and
    /// the name a report shows.
    static let checkFields: [ItemField] = [.name, .subItemName, .category]

    /// A revision's items in file order (as `items(matching:)` lists them), each with only
    /// what the cross-item checks and the check report read: key, unit, file, sheet, rows, the
    /// cell of its name, raw and clean name, sub-item and category, and the resolved category
    /// with its code. No citations, no other column; equal texts share one `String` (one per
    /// text id), so 200,000 items cost tens of megabytes, not a gigabyte.
    /// - Throws: `StoreError.unknownRevision` when the revision does not exist.
    public func checkItems(revision: String) throws -> [PowerItem] {
        try requireRevision(revision)
        let revisionID = try read { db in try Self.revisionID(label: revision, db) }
        // The texts and the clean values are read on a second connection beside the records:
        // on one, reading was a quarter of a check, on one core.
        let (records, (texts, cleaned)) = try Concurrent.both({
            try read { db in try Self.checkRecords(revisionID: revisionID, db) }
        }, {
            try secondConnection().read { db in
                (try Self.checkTexts(revisionID: revisionID, db), try Self.cleanCheckFields(revisionID: revisionID, db))
            }
        })
        return records.map { record in
            var raw = FieldValues()
            for (field, id) in zip(Self.checkFields, record.textIDs) {
                if let id, let text = texts[id] { raw[field] = text }
            }
            var clean = raw
            for (field, id) in cleaned[record.id] ?? [] { clean[field] = id.flatMap { texts[$0] } }
            return PowerItem(key: record.key, raw: RawItem(unit: record.unit, fields: raw, provenance: record.provenance),
                             fields: clean, category: record.category, citations: [])
        }
    }

    /// One record of a check view as stored: its ids, unit, key, category and provenance, and
    /// the text ids of its check fields.
    private struct CheckRecord {
        let id: Int64
        let unit: AdminUnit
        let key: ItemKey
        let category: CategoryRef?
        let provenance: Provenance
        let textIDs: [Int64?]
    }

    /// A revision's records in file order, their texts still ids.
    private static func checkRecords(revisionID: Int64, _ db: Database) throws -> [CheckRecord] {
        var units: [Int64: AdminUnit] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name, level FROM units") {
            units[row[0]] = AdminUnit(name: row[1], level: try Self.level(row[2]))
        }
        var shared = SharedStrings()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT itemRecords.id, unitId, file, sheet, firstRow, lastRow, itemKey, categoryName, categoryCode,
                   nameCell, \(Self.checkFields.map(Schema.textIDColumn).joined(separator: ", "))
            FROM itemRecords JOIN sources ON sources.id = itemRecords.sourceId
            WHERE itemRecords.revisionId = ? ORDER BY sources.path, itemRecords.position
            """, arguments: [revisionID])
        var records: [CheckRecord] = []
        while let row = try rows.next() {
            guard let unit = units[row[1]] else { continue }
            let cell: String? = row[9]
            let provenance = Provenance(file: shared.string(row[2]), sheet: shared.string(row[3]),
                                        firstRow: row[4], lastRow: row[5], cells: cell.map { [.name: $0] } ?? [:])
            let category = (row[7] as String?).map { CategoryRef(name: shared.string($0), code: row[8]) }
            records.append(CheckRecord(id: row[0], unit: unit, key: ItemKey(rawValue: row[6]), category: category,
                                       provenance: provenance, textIDs: Self.checkFields.indices.map { row[10 + $0] }))
        }
        return records
    }

    /// True when every source of `revision` was cleaned with `fingerprint` (a revision
    /// without sources too): its stored clean values and per-item findings are then current.
    public func sourcesCleaned(with fingerprint: String, revision: String) throws -> Bool {
        try read { db in
            let revisionID = try Self.revisionID(label: revision, db)
            let stale = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM sources LEFT JOIN cleanFingerprints ON cleanFingerprints.sourceId = sources.id
                WHERE sources.revisionId = ? AND (cleanFingerprints.fingerprint IS NULL OR cleanFingerprints.fingerprint <> ?)
                """, arguments: [revisionID, fingerprint]) ?? 0
            return stale == 0
        }
    }

    /// Records what the clean values of one source (`sourcePath`), or of every source of the
    /// revision (nil), were computed with; a nil `fingerprint` (schemas built in code) forgets
    /// it, so the next check cleans them again.
    public func recordCleanFingerprint(_ fingerprint: String?, revision: String, sourcePath: String? = nil) throws {
        try write { db in
            let revisionID = try Self.revisionID(label: revision, db)
            let sources = "SELECT id FROM sources WHERE revisionId = ?" + (sourcePath == nil ? "" : " AND path = ?")
            var arguments: StatementArguments = [revisionID]
            if let sourcePath { arguments += [sourcePath] }
            try db.execute(sql: "DELETE FROM cleanFingerprints WHERE sourceId IN (\(sources))", arguments: arguments)
            guard let fingerprint else { return }
            try db.execute(sql: "INSERT INTO cleanFingerprints (sourceId, fingerprint) SELECT id, ? FROM (\(sources))",
                           arguments: [fingerprint] + arguments)
        }
    }

    /// Forgets what the sources of `revision` other than `sourcePath` were cleaned with, so the
    /// next check cleans them again. For a re-import that deleted a source: a check ties each
    /// finding to the first record of its item's key, which may be in another source, so the
    /// deletion can take other sources' per-item findings with it.
    public func forgetCleanFingerprints(revision: String, except sourcePath: String? = nil) throws {
        try write { db in
            let revisionID = try Self.revisionID(label: revision, db)
            try db.execute(sql: """
                DELETE FROM cleanFingerprints WHERE sourceId IN (SELECT id FROM sources WHERE revisionId = ? AND path IS NOT ?)
                """, arguments: [revisionID, sourcePath])
        }
    }

    /// The texts of the check fields of a revision's items, raw and clean, once per text id.
    private static func checkTexts(revisionID: Int64, _ db: Database) throws -> [Int64: String] {
        let raw = checkFields.map { "SELECT \(Schema.textIDColumn($0)) FROM itemRecords WHERE revisionId = ?1" }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, text FROM texts WHERE id IN (\(raw.joined(separator: " UNION "))
                UNION SELECT cleanFields.textId FROM cleanFields JOIN itemRecords ON itemRecords.id = cleanFields.itemId
                WHERE itemRecords.revisionId = ?1 AND cleanFields.field IN (\(checkFieldList)))
            """, arguments: [revisionID])
        var texts: [Int64: String] = [:]
        while let row = try rows.next() { texts[row[0]] = row[1] }
        return texts
    }

    /// The clean check fields that differ from the raw ones (a nil id: empty), by item id.
    private static func cleanCheckFields(revisionID: Int64, _ db: Database) throws -> [Int64: [(ItemField, Int64?)]] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT cleanFields.itemId, cleanFields.field, cleanFields.textId
            FROM cleanFields JOIN itemRecords ON itemRecords.id = cleanFields.itemId
            WHERE itemRecords.revisionId = ? AND cleanFields.field IN (\(checkFieldList))
            """, arguments: [revisionID])
        var result: [Int64: [(ItemField, Int64?)]] = [:]
        while let row = try rows.next() {
            guard let field = ItemField(rawValue: row[1]) else { continue }
            result[row[0], default: []].append((field, row[2]))
        }
        return result
    }

    private static var checkFieldList: String {
        checkFields.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }
}

/// One `String` per distinct text among many rows (file and sheet names, category names).
private struct SharedStrings {
    private var strings: [UTF8Key: String] = [:]

    mutating func string(_ text: String) -> String {
        if let known = strings[UTF8Key(text)] { return known }
        strings[UTF8Key(text)] = text
        return text
    }
}
