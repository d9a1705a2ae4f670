import GRDB

/// The `texts` table read once per id: every item that holds a text gets the same `String`
/// (one buffer, retained), where reading through the `items` view would make a copy per item.
/// A revision of 100,000 items repeats its bases, bodies and responsibilities thousands of
/// times; loaded this way, each distinct text takes memory once.
final class StoredTexts {
    private var byID: [Int64: String] = [:]
    private let lookup: Statement

    init(_ db: Database) throws {
        lookup = try db.makeStatement(sql: "SELECT text FROM texts WHERE id = ?")
    }

    /// The text with this id (nil for nil: the field is empty).
    func text(_ id: Int64?) throws -> String? {
        guard let id else { return nil }
        if let text = byID[id] { return text }
        guard let text = try String.fetchOne(lookup, arguments: [id]) else {
            throw StoreError.database(file: Workspace.databaseFileName, detail: "缺少文本 \(id)")
        }
        byID[id] = text
        return text
    }
}
