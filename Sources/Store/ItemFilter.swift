import Catalogue
import GRDB

/// Which items to fetch. Every condition set must hold; nil means "any".
public struct ItemFilter: Sendable, Equatable {
    /// The revision's label, exactly.
    public var revision: String?
    /// Part of the unit's name, e.g. `商务局`.
    public var unit: String?
    public var level: Level?
    /// Part of the category as written, ignoring whitespace (so `行政确认` finds `行政\n确认`).
    public var category: String?
    /// Part of the item's name, sub-item name or code.
    public var text: String?
    /// The source's recorded path, exactly.
    public var sourcePath: String?
    /// At most this many items.
    public var limit: Int?

    public init(revision: String? = nil, unit: String? = nil, level: Level? = nil, category: String? = nil,
                text: String? = nil, sourcePath: String? = nil, limit: Int? = nil) {
        self.revision = revision
        self.unit = unit
        self.level = level
        self.category = category
        self.text = text
        self.sourcePath = sourcePath
        self.limit = limit
    }

    /// The WHERE clause (over `items`, `revisions`, `sources`, `units` joined) and its arguments.
    var whereClause: (sql: String, arguments: StatementArguments) {
        var conditions = ["1"]
        var arguments = StatementArguments()
        if let revision {
            conditions.append("revisions.label = ?")
            arguments += [revision]
        }
        if let unit {
            conditions.append(#"units.name LIKE ? ESCAPE '\'"#)
            arguments += [Self.containing(unit)]
        }
        if let level {
            conditions.append("units.level = ?")
            arguments += [level.rawValue]
        }
        if let category {
            conditions.append(#"\#(Self.withoutWhitespace("items.category")) LIKE ? ESCAPE '\'"#)
            arguments += [Self.containing(category.filter { !$0.isWhitespace })]
        }
        if let text {
            conditions.append(#"(items.name LIKE ? ESCAPE '\' OR items.subItemName LIKE ? ESCAPE '\' OR items.code LIKE ? ESCAPE '\')"#)
            let pattern = Self.containing(text)
            arguments += [pattern, pattern, pattern]
        }
        if let sourcePath {
            conditions.append("sources.path = ?")
            arguments += [sourcePath]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// A LIKE pattern matching any text that contains `part` literally.
    static func containing(_ part: String) -> String {
        var escaped = ""
        for character in part {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%\(escaped)%"
    }

    /// SQL for `column` with spaces, full-width spaces, tabs and line breaks removed.
    static func withoutWhitespace(_ column: String) -> String {
        var sql = column
        for code in [32, 12288, 9, 10, 13] {
            sql = "replace(\(sql), char(\(code)), '')"
        }
        return sql
    }
}
