import Catalogue
import GRDB

/// A `Finding` as a row of `findings`: import and check findings alike, each with its
/// revision and stage, and the source, item and field it is about when there is one.
enum FindingRecord {
    static func insert(_ finding: Finding, revisionID: Int64, sourceID: Int64?, itemID: Int64?, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO findings (revisionId, sourceId, itemId, itemKey, field, stage, code, severity, message, file, sheet, cell)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                revisionID, sourceID, itemID, finding.item?.rawValue, finding.field?.rawValue, finding.code.stage,
                finding.code.rawValue, finding.severity.rawValue, finding.message,
                finding.location.file, finding.location.sheet, finding.location.cell,
            ])
    }

    static func finding(_ row: Row) throws -> Finding {
        let rawCode: String = row["code"]
        guard let code = FindingCode(rawValue: rawCode) else {
            throw StoreError.database(file: Workspace.databaseFileName, detail: "未知的发现代码“\(rawCode)”")
        }
        return Finding(code: code, severity: Finding.Severity(rawValue: row["severity"]) ?? .warning,
                       message: row["message"],
                       location: Location(file: row["file"], sheet: row["sheet"], cell: row["cell"]),
                       item: (row["itemKey"] as String?).map(ItemKey.init(rawValue:)),
                       field: (row["field"] as String?).flatMap(ItemField.init(rawValue:)))
    }
}

extension Workspace {
    /// Replaces the findings of one stage (`check`, `reconcile`) of a revision with `findings`,
    /// in one transaction; the other stages' findings stay. A finding about an item is tied
    /// to the revision's first record with its key, and to that record's source.
    ///
    /// - Throws: `StoreError.unknownRevision` when the revision does not exist.
    public func replaceFindings(stage: String, revision: String, with findings: [Finding]) throws {
        try requireRevision(revision)
        try write { db in
            let revisionID = try Self.revisionID(label: revision, db)
            try db.execute(sql: "DELETE FROM findings WHERE revisionId = ? AND stage = ?", arguments: [revisionID, stage])
            let lookup = try db.cachedStatement(sql: """
                SELECT id, sourceId FROM itemRecords WHERE revisionId = ? AND itemKey = ? ORDER BY id LIMIT 1
                """)
            for finding in findings {
                let row = try finding.item.flatMap { try Row.fetchOne(lookup, arguments: [revisionID, $0.rawValue]) }
                try FindingRecord.insert(finding, revisionID: revisionID, sourceID: row?["sourceId"], itemID: row?["id"], db)
            }
        }
    }
}
