import Catalogue
import Foundation
import GRDB

/// An item as stored: the item itself and where it sits in the workspace.
public struct StoredItem: Sendable, Hashable {
    public var id: Int64
    public var revision: String
    /// The source's recorded path (see `Workspace.sourcePath(for:)`).
    public var sourcePath: String
    /// The item's stable key in the workspace (see `ItemKey`).
    public var key: ItemKey
    public var item: RawItem

    public init(id: Int64, revision: String, sourcePath: String, key: ItemKey, item: RawItem) {
        self.id = id
        self.revision = revision
        self.sourcePath = sourcePath
        self.key = key
        self.item = item
    }
}

extension Workspace {
    /// The revisions in the order they were created, each with its sources sorted by path.
    public func revisions() throws -> [Revision] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, label, date FROM revisions ORDER BY id")
            return try rows.map { row in
                let sources = try Row.fetchAll(db, sql: """
                    SELECT path, sha256, format, importedAt FROM sources WHERE revisionId = ? ORDER BY path
                    """, arguments: [row["id"] as Int64]).map { source in
                    Source(path: source["path"], sha256: source["sha256"], format: source["format"],
                           importedAt: source["importedAt"])
                }
                return Revision(label: row["label"], date: row["date"], sources: sources)
            }
        }
    }

    /// The label of the revision created last, nil in an empty workspace.
    public func latestRevision() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT label FROM revisions ORDER BY id DESC LIMIT 1") }
    }

    /// Throws `StoreError.unknownRevision` unless a revision with this label exists.
    public func requireRevision(_ label: String) throws {
        let known = try revisions().map(\.label)
        guard known.contains(label) else { throw StoreError.unknownRevision(label, known: known) }
    }

    /// Every unit ever imported, by level then name.
    public func units() throws -> [AdminUnit] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, level FROM units ORDER BY level, name").map { row in
                AdminUnit(name: row["name"], level: try Self.level(row["level"]))
            }
        }
    }

    /// The ids of the items `items(matching:)` returns, in its order.
    func itemIDs(matching filter: ItemFilter) throws -> [Int64] {
        let (condition, arguments) = filter.whereClause
        var sql = """
            SELECT items.id FROM items
            JOIN revisions ON revisions.id = items.revisionId
            JOIN sources ON sources.id = items.sourceId JOIN units ON units.id = items.unitId
            WHERE \(condition) ORDER BY revisions.id, sources.path, items.position
            """
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        return try read { db in try Int64.fetchAll(db, sql: sql, arguments: arguments) }
    }

    /// The items matching `filter`, by revision, then source path, then their order in the file.
    public func items(matching filter: ItemFilter = ItemFilter()) throws -> [StoredItem] {
        let (condition, arguments) = filter.whereClause
        // Joins from `items` to what the filter looks at.
        let joins = """
            JOIN revisions ON revisions.id = items.revisionId
            JOIN sources ON sources.id = items.sourceId JOIN units ON units.id = items.unitId
            WHERE \(condition)
            """
        return try read { db in
            var sql = """
                SELECT \(Self.storedItemColumns)
                FROM items \(joins) ORDER BY revisions.id, sources.path, items.position
                """
            if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
            // Through a cursor: a revision of 100,000 items never holds all its rows and all its items at once.
            var items: [StoredItem] = []
            let texts = try StoredTexts(db)
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                var item = try Self.storedItem(row, texts: texts)
                if let previous = items.last { item.share(with: previous) }
                items.append(item)
            }
            guard !items.isEmpty else { return [] }

            let index = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, $0) })
            // A short page (`items --limit 20`) reads the extras of its own items only; a long
            // one reads them in one pass over the filter rather than through a huge IN list.
            let extras = items.count <= Self.idListLimit
                ? try Row.fetchCursor(db, sql: """
                    SELECT itemId, header, value, cell FROM extraFields
                    WHERE itemId IN (\(items.map { String($0.id) }.joined(separator: ","))) ORDER BY itemId, position
                    """)
                : try Row.fetchCursor(db, sql: """
                    SELECT extraFields.itemId, extraFields.header, extraFields.value, extraFields.cell
                    FROM extraFields JOIN items ON items.id = extraFields.itemId \(joins)
                    ORDER BY extraFields.itemId, extraFields.position
                    """, arguments: arguments)
            while let row = try extras.next() {
                guard let position = index[row["itemId"]] else { continue }
                items[position].item.extraFields.append(ExtraField(header: row["header"], value: row["value"], cell: row["cell"]))
            }
            return items
        }
    }

    /// Up to how many items are looked up by an `IN` list of their ids.
    static let idListLimit = 500

    /// How many item records match `filter` (ignoring its limit): one per item and per
    /// further sub-item row. For the count a published list gives, see `publishedItemCount`.
    public func itemCount(matching filter: ItemFilter = ItemFilter()) throws -> Int {
        let (condition, arguments) = filter.whereClause
        return try read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM items JOIN revisions ON revisions.id = items.revisionId
                JOIN sources ON sources.id = items.sourceId JOIN units ON units.id = items.unitId
                WHERE \(condition)
                """, arguments: arguments) ?? 0
        }
    }

    /// How many items match `filter` (ignoring its limit) as a published list counts them
    /// (`PublishedCount`): reads only the unit, file, sheet, serial and name of each record.
    public func publishedItemCount(matching filter: ItemFilter = ItemFilter()) throws -> Int {
        let (condition, arguments) = filter.whereClause
        return try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT units.name, items.file, items.sheet, items.serial, items.name FROM items
                JOIN revisions ON revisions.id = items.revisionId
                JOIN sources ON sources.id = items.sourceId JOIN units ON units.id = items.unitId
                WHERE \(condition)
                """, arguments: arguments)
            var count = PublishedCount()
            while let row = try rows.next() {
                count.add(unit: row[0], file: row[1], sheet: row[2], serial: row[3], name: row[4])
            }
            return count.count
        }
    }

    /// The findings of a revision (or of one of its sources), every stage (or `stage` alone),
    /// in the order they were recorded, leaving out those with a code in `excluding`.
    ///
    /// Read through a cursor, one `String` per `texts` id: a check of 200,000 items reads
    /// hundreds of thousands of findings that repeat a few hundred messages and file names.
    public func findings(revision: String, sourcePath: String? = nil, stage: String? = nil,
                         excluding codes: Set<FindingCode> = []) throws -> [Finding] {
        try read { db in
            var sql = """
                SELECT \(FindingRecord.columnsByPosition) FROM findings \(FindingRecord.textJoins)
                LEFT JOIN sources ON sources.id = findings.sourceId
                JOIN revisions ON revisions.id = findings.revisionId WHERE revisions.label = ?
                """
            var arguments: StatementArguments = [revision]
            if let sourcePath {
                sql += " AND sources.path = ?"
                arguments += [sourcePath]
            }
            if let stage {
                sql += " AND findings.stage = ?"
                arguments += [stage]
            }
            if !codes.isEmpty {
                // A list's run is filtered as it is expanded.
                sql += " AND (findings.code NOT IN (\(codes.map { _ in "?" }.joined(separator: ", "))) OR findings.listId IS NOT NULL)"
                arguments += StatementArguments(codes.map(\.rawValue).sorted())
            }
            let rows = try Row.fetchCursor(db, sql: sql + " ORDER BY findings.id", arguments: arguments)
            var reader = FindingRecord.Reader(lists: try ListFindings(db), excluding: codes)
            var findings: [Finding] = []
            while let row = try rows.next() {
                try reader.findings(row, into: &findings)
            }
            return findings
        }
    }

    /// The columns `storedItem` reads, by position (faster than by name for large exports):
    /// the item, then each field's text, then each field's cell.
    private static let storedItemColumns = (["items.id", "revisions.label", "sources.path", "units.name", "units.level",
                                             "items.file", "items.sheet", "items.firstRow", "items.lastRow", "items.itemKey"]
        + ItemField.allCases.map { "items.\(Schema.textIDColumn($0))" }
        + ItemField.allCases.map { "items.\(Schema.cellColumn($0))" }).joined(separator: ", ")

    /// The item of a row of `storedItemColumns`: the field texts by id, through `texts`.
    private static func storedItem(_ row: Row, texts: StoredTexts) throws -> StoredItem {
        let fieldCount = ItemField.allCases.count
        var fields = FieldValues()
        var cells = FieldValues()
        for (offset, field) in ItemField.allCases.enumerated() {
            if let value = try texts.text(row[10 + offset]) { fields[field] = value }
            if let cell: String = row[10 + fieldCount + offset] { cells[field] = cell }
        }
        let unit = AdminUnit(name: row[3], level: try level(row[4]))
        let provenance = Provenance(file: row[5], sheet: row[6], firstRow: row[7], lastRow: row[8], cells: cells)
        return StoredItem(id: row[0], revision: row[1], sourcePath: row[2], key: ItemKey(rawValue: row[9]),
                          item: RawItem(unit: unit, fields: fields, provenance: provenance))
    }

    static func level(_ rawValue: String) throws -> Level {
        guard let level = Level(rawValue: rawValue) else {
            throw StoreError.database(file: Workspace.databaseFileName, detail: "未知的层级“\(rawValue)”")
        }
        return level
    }
}

extension StoredItem {
    /// Takes the previous item's strings where they are equal — the items of one source come
    /// one after another — so a revision holds its paths and unit, file and sheet names once.
    fileprivate mutating func share(with previous: StoredItem) {
        if revision == previous.revision { revision = previous.revision }
        if sourcePath == previous.sourcePath { sourcePath = previous.sourcePath }
        if item.unit == previous.item.unit { item.unit = previous.item.unit }
        if item.provenance.file == previous.item.provenance.file { item.provenance.file = previous.item.provenance.file }
        if item.provenance.sheet == previous.item.provenance.sheet { item.provenance.sheet = previous.item.provenance.sheet }
    }
}
