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

/// The ids of strings seen lately, by the address of their UTF-8 storage: a cache with one
/// slot per address bucket, so a lookup neither hashes nor compares the text.
///
/// Sound because each slot keeps its string: while a string sits in a slot its storage cannot
/// be freed, so no other text can live at that address, and a shared native string's bytes
/// never change. Strings of up to 15 bytes live inside the `String` value itself, with no
/// storage of their own, and are left to `UTF8Key` (cheap to hash anyway).
struct SeenStrings {
    private struct Slot {
        /// Where the remembered string's bytes are; 0 for an empty slot.
        var address: UInt = 0
        var count = 0
        var id: Int64 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: Self.slotCount)
    /// The remembered strings, only to keep their storage alive (reading them would retain them).
    private var strings = [String](repeating: "", count: Self.slotCount)
    private static let slotCount = 1 << 16

    func id(of text: String) -> Int64? {
        guard let address = Self.storage(of: text) else { return nil }
        let slot = slots[Self.slot(of: address)]
        return slot.address == address && slot.count == text.utf8.count ? slot.id : nil
    }

    mutating func remember(_ text: String, id: Int64) {
        guard let address = Self.storage(of: text) else { return }
        let slot = Self.slot(of: address)
        slots[slot] = Slot(address: address, count: text.utf8.count, id: id)
        strings[slot] = text
    }

    private static func slot(of address: UInt) -> Int {
        Int(truncatingIfNeeded: (address >> 4) ^ (address >> 20)) & (slotCount - 1)
    }

    /// Where a native string's bytes are stored; nil for a small or non-contiguous string.
    private static func storage(of text: String) -> UInt? {
        guard text.utf8.count > 15 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? nil
    }
}
