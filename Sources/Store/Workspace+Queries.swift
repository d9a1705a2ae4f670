import Catalogue
import Foundation
import GRDB

/// An item as stored: the item itself and where it sits in the workspace.
public struct StoredItem: Sendable, Hashable {
    public var id: Int64
    public var revision: String
    /// The source's recorded path (see `Workspace.sourcePath(for:)`).
    public var sourcePath: String
    public var item: RawItem
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
            var items = try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.storedItem)
            guard !items.isEmpty else { return [] }

            let index = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.id, $0) })
            let extras = try Row.fetchCursor(db, sql: """
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

    /// How many items match `filter` (ignoring its limit).
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

    /// The import findings of a revision (or of one of its sources), in the order they were recorded.
    public func findings(revision: String, sourcePath: String? = nil) throws -> [Finding] {
        try read { db in
            var sql = """
                SELECT findings.* FROM findings JOIN sources ON sources.id = findings.sourceId
                JOIN revisions ON revisions.id = sources.revisionId WHERE revisions.label = ?
                """
            var arguments: StatementArguments = [revision]
            if let sourcePath {
                sql += " AND sources.path = ?"
                arguments += [sourcePath]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY findings.id", arguments: arguments).map { row in
                Finding(code: try Self.findingCode(row["code"]), severity: Finding.Severity(rawValue: row["severity"]) ?? .warning,
                        message: row["message"],
                        location: Location(file: row["file"], sheet: row["sheet"], cell: row["cell"]))
            }
        }
    }

    /// The columns `storedItem` reads, by position (faster than by name for large exports):
    /// the item, then each field's text, then each field's cell.
    private static let storedItemColumns = (["items.id", "revisions.label", "sources.path", "units.name", "units.level",
                                             "items.file", "items.sheet", "items.firstRow", "items.lastRow"]
        + ItemField.allCases.map { "items.\"\($0.rawValue)\"" }
        + ItemField.allCases.map { "items.\(Schema.cellColumn($0))" }).joined(separator: ", ")

    private static func storedItem(_ row: Row) throws -> StoredItem {
        let fieldCount = ItemField.allCases.count
        var fields: [ItemField: String] = [:]
        var cells: [ItemField: String] = [:]
        for (offset, field) in ItemField.allCases.enumerated() {
            if let value: String = row[9 + offset] { fields[field] = value }
            if let cell: String = row[9 + fieldCount + offset] { cells[field] = cell }
        }
        let unit = AdminUnit(name: row[3], level: try level(row[4]))
        let provenance = Provenance(file: row[5], sheet: row[6], firstRow: row[7], lastRow: row[8], cells: cells)
        return StoredItem(id: row[0], revision: row[1], sourcePath: row[2],
                          item: RawItem(unit: unit, fields: fields, provenance: provenance))
    }

    private static func findingCode(_ rawValue: String) throws -> FindingCode {
        guard let code = FindingCode(rawValue: rawValue) else {
            throw StoreError.database(file: Workspace.databaseFileName, detail: "未知的发现代码“\(rawValue)”")
        }
        return code
    }

    private static func level(_ rawValue: String) throws -> Level {
        guard let level = Level(rawValue: rawValue) else {
            throw StoreError.database(file: Workspace.databaseFileName, detail: "未知的层级“\(rawValue)”")
        }
        return level
    }
}
