import Catalogue
import Crypto
import GRDB

/// Text ids by text, inserting a text into `texts` the first time it is seen.
///
/// Most lookups are answered by `SeenStrings` without reading the text: a workbook's cells
/// share the shared-string table's `String`s, and the cleaner hands back the very raw or
/// remembered `String` when a value needs no change, so a text repeated on thousands of items
/// is the same string object each time. The rest are found by their bytes (`UTF8Key`).
struct TextIDs {
    private var known: [UTF8Key: Int64] = [:]
    private var seen = SeenStrings()
    private let find: BoundStatement
    private let insert: BoundStatement
    private let insertMany: MultiRowInsert
    /// False when `texts` was empty at start (a first import): a text not in `known` is then new.
    private let searchesDatabase: Bool

    init(_ db: Database) throws {
        find = try BoundStatement("SELECT id FROM texts WHERE hash = ? AND text = ?", db)
        insert = try BoundStatement("INSERT INTO texts (hash, text) VALUES (?, ?)", db)
        insertMany = try MultiRowInsert(into: "texts", columns: ["id", "hash", "text"], db)
        searchesDatabase = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM texts)") ?? true
    }

    /// - Parameter remembering: false for a string made for this one row (a finding's message
    ///   or item key), which would only take a slot and keep the string alive.
    mutating func id(of text: String, remembering: Bool = true) throws -> Int64 {
        if let id = seen.id(of: text) { return id }
        let id = try id(ofUnseen: text)
        if remembering { seen.remember(text, id: id) }
        return id
    }

    private mutating func id(ofUnseen text: String) throws -> Int64 {
        let key = UTF8Key(text)
        if let id = known[key] { return id }
        let id = try store(DraftTexts.New(text: text, hash: Self.hash(of: text)))
        known[key] = id
        return id
    }

    /// The id of a text not asked for before: found in `texts`, or inserted.
    func store(_ new: DraftTexts.New) throws -> Int64 {
        if let id = try found(new) { return id }
        insert.bind(1, new.hash)
        insert.bind(2, new.text)
        try insert.run()
        return insert.lastInsertedRowID
    }

    /// The ids of distinct texts not asked for before, in order: found in `texts`, or inserted
    /// many rows at a time.
    func store(_ news: [DraftTexts.New], _ db: Database) throws -> [Int64] {
        var ids = [Int64](repeating: 0, count: news.count)
        var missing: [Int] = []
        for index in news.indices {
            if let id = try found(news[index]) { ids[index] = id } else { missing.append(index) }
        }
        let firstID = try MultiRowInsert.nextID(of: "texts", db)
        try insertMany.insert(count: missing.count) { position, row in
            let index = missing[position]
            ids[index] = firstID + Int64(position)
            row.bind(1, ids[index])
            row.bind(2, news[index].hash)
            row.bind(3, news[index].text)
        }
        return ids
    }

    private func found(_ new: DraftTexts.New) throws -> Int64? {
        guard searchesDatabase else { return nil }
        find.bind(1, new.hash)
        find.bind(2, new.text)
        return try find.firstInteger()
    }

    /// The first 8 bytes of the text's SHA-256: stable across runs (unlike `Hasher`), and
    /// small to index; texts sharing a hash are told apart by comparing them.
    static func hash(of text: String) -> Int64 {
        var text = text
        return text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }.prefix(8).reduce(0) { $0 << 8 | Int64($1) }
    }
}
