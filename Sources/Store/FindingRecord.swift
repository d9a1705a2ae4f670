import Catalogue
import GRDB

/// A `Finding` as a row of `findings`: import and check findings alike, each with its
/// revision and stage, and the source, item and field it is about when there is one. The item
/// key, message and file are `texts` ids (migration v4): a large file's hundreds of thousands
/// of findings repeat a few hundred messages.
enum FindingRecord {
    /// The columns `bind` fills, in order (`listId` stays NULL but for a list's run).
    static let columns = ["revisionId", "sourceId", "itemId", "itemKeyId", "field", "stage", "code", "severity",
                          "messageId", "fileId", "sheet", "cell", "listId"]

    /// The code of a row standing for a run of findings its citation list gives (migration
    /// v7): never a `FindingCode`, so no filter by code takes or drops it.
    static let listCode = "citation-list"

    /// The joins that give `columnsByPosition` its texts.
    static let textJoins = """
        LEFT JOIN texts AS itemKeyText ON itemKeyText.id = findings.itemKeyId
        JOIN texts AS messageText ON messageText.id = findings.messageId
        JOIN texts AS fileText ON fileText.id = findings.fileId
        """

    /// Binds the finding to a row of `columns`, its texts' ids found through `texts`.
    static func bind(_ finding: Finding, revisionID: Int64, sourceID: Int64?, itemID: Int64?,
                     texts: inout TextIDs, to row: MultiRowInsert.Row) throws {
        bind(finding, revisionID: revisionID, sourceID: sourceID, itemID: itemID,
             itemKeyID: try finding.item.map { try texts.id(of: $0.rawValue, remembering: false) },
             messageID: try texts.id(of: finding.message, remembering: false),
             fileID: try texts.id(of: finding.location.file), to: row)
    }

    /// Binds the finding to a row of `columns`, its texts' ids known.
    static func bind(_ finding: Finding, revisionID: Int64, sourceID: Int64?, itemID: Int64?, itemKeyID: Int64?,
                     messageID: Int64, fileID: Int64, to row: MultiRowInsert.Row) {
        row.bind(1, revisionID)
        row.bind(2, sourceID)
        row.bind(3, itemID)
        row.bind(4, itemKeyID)
        row.bind(5, finding.field?.rawValue)
        row.bind(6, finding.code.stage)
        row.bind(7, finding.code.rawValue)
        row.bind(8, finding.severity.rawValue)
        row.bind(9, messageID)
        row.bind(10, fileID)
        row.bind(11, finding.location.sheet)
        row.bind(12, finding.location.cell)
        row.bind(13, nil as Int64?)
    }

    /// Binds the row standing for a run of findings (`findings` holds its first) that its
    /// citation list gives: where the run stood, the list in place of each finding.
    static func bindRun(_ first: Finding, list: Int64, revisionID: Int64, sourceID: Int64?, itemID: Int64?,
                        itemKeyID: Int64?, messageID: Int64, fileID: Int64, to row: MultiRowInsert.Row) {
        bind(first, revisionID: revisionID, sourceID: sourceID, itemID: itemID, itemKeyID: itemKeyID,
             messageID: messageID, fileID: fileID, to: row)
        row.bind(7, listCode)
        row.bind(13, list)
    }

    /// The columns `Reader.finding(_:)` reads, by position: each text with its id, so a text
    /// already seen is not decoded again.
    static let columnsByPosition = """
        findings.code, findings.severity, findings.messageId, messageText.text, findings.fileId, fileText.text,
        findings.itemKeyId, itemKeyText.text, findings.sheet, findings.cell, findings.field, findings.listId
        """

    /// Decodes rows of `columnsByPosition` into findings that share one `String` per text id
    /// (and per sheet name), instead of one copy per finding; a list's run is expanded into
    /// its findings, those with a code in `excluding` left out.
    struct Reader {
        private var texts: [Int64: String] = [:]
        private var sheets: [String: String] = [:]
        private let lists: ListFindings
        private let excluding: Set<FindingCode>

        init(lists: ListFindings = ListFindings(), excluding: Set<FindingCode> = []) {
            self.lists = lists
            self.excluding = excluding
        }

        /// The findings a row stands for: one, or a list's run.
        mutating func findings(_ row: Row, into findings: inout [Finding]) throws {
            let location = Location(file: try text(id: row[4], row, 5), sheet: sheet(row[8]), cell: row[9])
            let itemKey = try (row[6] as Int64?).map { ItemKey(rawValue: try text(id: $0, row, 7)) }
            let field = (row[10] as String?).flatMap(ItemField.init(rawValue:))
            if let list = row[11] as Int64? {
                guard let run = lists.findings[list] else {
                    throw StoreError.database(file: Workspace.databaseFileName, detail: "引用清单 \(list) 的发现缺失")
                }
                for found in run where !excluding.contains(found.code) {
                    findings.append(Finding(code: found.code, severity: found.severity, message: found.message,
                                            location: location, item: itemKey, field: field))
                }
                return
            }
            let rawCode: String = row[0]
            guard let code = FindingCode(rawValue: rawCode) else {
                throw StoreError.database(file: Workspace.databaseFileName, detail: "未知的发现代码“\(rawCode)”")
            }
            findings.append(Finding(code: code, severity: Finding.Severity(rawValue: row[1]) ?? .warning,
                                    message: try text(id: row[2], row, 3), location: location, item: itemKey, field: field))
        }

        private mutating func text(id: Int64, _ row: Row, _ column: Int) throws -> String {
            if let known = texts[id] { return known }
            let text: String = row[column]
            texts[id] = text
            return text
        }

        /// Sheet names are few; a shared copy saves the heap storage of the long ones.
        private mutating func sheet(_ name: String?) -> String? {
            guard let name else { return nil }
            if let known = sheets[name] { return known }
            sheets[name] = name
            return name
        }
    }
}

/// The findings each citation list gives (`listFindings`, migration v7), in order.
struct ListFindings {
    struct Found {
        var code: FindingCode
        var severity: Finding.Severity
        var message: String
    }

    private(set) var findings: [Int64: [Found]] = [:]

    init() {}

    /// Every list's findings (a few per list, a few thousand lists per import).
    init(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT listFindings.listId, listFindings.code, listFindings.severity, texts.text FROM listFindings
            JOIN texts ON texts.id = listFindings.messageId ORDER BY listFindings.listId, listFindings.position
            """)
        while let row = try rows.next() {
            let rawCode: String = row[1]
            guard let code = FindingCode(rawValue: rawCode) else {
                throw StoreError.database(file: Workspace.databaseFileName, detail: "未知的发现代码“\(rawCode)”")
            }
            findings[row[0], default: []].append(Found(code: code, severity: Finding.Severity(rawValue: row[2]) ?? .warning,
                                                       message: row[3]))
        }
    }
}

extension Workspace {
    /// Replaces the findings of one stage (`check`, `reconcile`) of a revision with `findings`,
    /// in one transaction; the other stages' findings stay. A finding about an item is tied
    /// to the revision's first record with its key, and to that record's source.
    ///
    /// - Throws: `StoreError.unknownRevision` when the revision does not exist.
    public func replaceFindings(stage: String, revision: String, with findings: [Finding]) throws {
        try replaceFindings(stage: stage, revision: revision, codes: nil, with: findings)
    }

    /// Replaces only the findings of a stage whose code is in `codes` (the cross-item ones a
    /// check recomputes when it keeps the per-item findings), in one transaction: the other
    /// findings stay as stored, and are neither read back nor written again.
    ///
    /// - Throws: `StoreError.unknownRevision` when the revision does not exist.
    public func replaceFindings(stage: String, revision: String, codes: Set<FindingCode>, with findings: [Finding]) throws {
        try replaceFindings(stage: stage, revision: revision, codes: Optional(codes), with: findings)
    }

    private func replaceFindings(stage: String, revision: String, codes: Set<FindingCode>?, with findings: [Finding]) throws {
        try requireRevision(revision)
        try write { db in
            let revisionID = try Self.revisionID(label: revision, db)
            var delete = "DELETE FROM findings WHERE revisionId = ? AND stage = ?"
            var arguments: StatementArguments = [revisionID, stage]
            if let codes {
                delete += " AND code IN (\(codes.map { _ in "?" }.joined(separator: ", ")))"
                arguments += StatementArguments(codes.map(\.rawValue).sorted())
            }
            try db.execute(sql: delete, arguments: arguments)
            let insert = try MultiRowInsert(into: "findings", columns: FindingRecord.columns, db)
            var texts = try TextIDs(db)
            let records = try Self.firstRecords(of: Set(findings.compactMap { $0.item.map { UTF8Key($0.rawValue) } }),
                                                revisionID: revisionID, db)
            try insert.insert(count: findings.count) { index, row in
                let record = findings[index].item.flatMap { records[UTF8Key($0.rawValue)] }
                try FindingRecord.bind(findings[index], revisionID: revisionID, sourceID: record?.sourceID,
                                       itemID: record?.id, texts: &texts, to: row)
            }
        }
    }

    /// The first record (by id) of the revision with each of `keys`, and its source: one scan
    /// of the revision's records (schema v6 has no index on item keys; building it cost every
    /// import more than this scan costs a check).
    private static func firstRecords(of keys: Set<UTF8Key>, revisionID: Int64,
                                     _ db: Database) throws -> [UTF8Key: (id: Int64, sourceID: Int64)] {
        var records: [UTF8Key: (id: Int64, sourceID: Int64)] = [:]
        guard !keys.isEmpty else { return records }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT itemKey, id, sourceId FROM itemRecords NOT INDEXED WHERE revisionId = ? AND itemKey IS NOT NULL ORDER BY id
            """, arguments: [revisionID])
        while let row = try rows.next() {
            let key = UTF8Key(row[0] as String)
            if keys.contains(key), records[key] == nil { records[key] = (row[1], row[2]) }
        }
        return records
    }
}
