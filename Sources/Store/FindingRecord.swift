import Catalogue
import GRDB

/// A `Finding` as a row of `findings`: import and check findings alike, each with its
/// revision and stage, and the source, item and field it is about when there is one. The item
/// key, message and file are `texts` ids (migration v4): a large file's hundreds of thousands
/// of findings repeat a few hundred messages.
enum FindingRecord {
    static let insertSQL = """
        INSERT INTO findings (revisionId, sourceId, itemId, itemKeyId, field, stage, code, severity, messageId, fileId,
                              sheet, cell)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The columns `finding(_:)` reads, each text under its v2 name; join `findingTexts`.
    static let columns = """
        findings.*, itemKeyText.text AS itemKey, messageText.text AS message, fileText.text AS file
        """
    static let textJoins = """
        LEFT JOIN texts AS itemKeyText ON itemKeyText.id = findings.itemKeyId
        JOIN texts AS messageText ON messageText.id = findings.messageId
        JOIN texts AS fileText ON fileText.id = findings.fileId
        """

    /// Inserts the finding with `statement` (prepared from `insertSQL`), its texts through `texts`.
    static func insert(_ finding: Finding, revisionID: Int64, sourceID: Int64?, itemID: Int64?,
                       texts: inout TextIDs, with statement: BoundStatement) throws {
        statement.bind(1, revisionID)
        statement.bind(2, sourceID)
        statement.bind(3, itemID)
        statement.bind(4, try finding.item.map { try texts.id(of: $0.rawValue) })
        statement.bind(5, finding.field?.rawValue)
        statement.bind(6, finding.code.stage)
        statement.bind(7, finding.code.rawValue)
        statement.bind(8, finding.severity.rawValue)
        statement.bind(9, try texts.id(of: finding.message))
        statement.bind(10, try texts.id(of: finding.location.file))
        statement.bind(11, finding.location.sheet)
        statement.bind(12, finding.location.cell)
        try statement.run()
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
            let insert = try BoundStatement(FindingRecord.insertSQL, db)
            var texts = try TextIDs(db)
            let lookup = try BoundStatement("""
                SELECT id, sourceId FROM itemRecords WHERE revisionId = ? AND itemKey = ? ORDER BY id LIMIT 1
                """, db)
            // Findings come item by item: each key is looked up once.
            var records: [UTF8Key: (id: Int64, sourceID: Int64)?] = [:]
            for finding in findings {
                var record: (id: Int64, sourceID: Int64)?
                if let key = finding.item {
                    if let known = records[UTF8Key(key.rawValue)] {
                        record = known
                    } else {
                        lookup.bind(1, revisionID)
                        lookup.bind(2, key.rawValue)
                        record = try lookup.firstTwoIntegers()
                        records[UTF8Key(key.rawValue)] = .some(record)
                    }
                }
                try FindingRecord.insert(finding, revisionID: revisionID, sourceID: record?.sourceID, itemID: record?.id,
                                         texts: &texts, with: insert)
            }
        }
    }
}
