import Catalogue
import GRDB

/// A `Citation` as a row of `citationLists` (see `SchemaVersion4`): every member in a column of
/// its own, articles as text (`28.1.3;30;120之一`), the resolution as its case name plus the
/// registry entry; the cell is the item's (`itemCitations.cell`) unless `ownCell`.
enum CitationRecord {
    static let insertSQL = """
        INSERT INTO citationLists (listId, position, text, rankTag, taggedRank, title, note, articles, quotedText,
                                   resolution, registryKey, registryTitle, registryRank, registryVersion, current,
                                   successor, cell, ownCell)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Binds the citation's row to `statement` (prepared from `insertSQL`).
    static func bind(_ citation: Citation, listID: Int64, position: Int, ownCell: Bool, to statement: BoundStatement) {
        let resolution = citation.resolution
        let reference = resolution.reference
        var current: String?
        var successor: String?
        switch resolution {
        case .superseded(_, let version): current = version
        case .repealed(_, let title): successor = title
        default: break
        }
        statement.bind(1, listID)
        statement.bind(2, position)
        statement.bind(3, citation.text)
        statement.bind(4, citation.rankTag)
        statement.bind(5, citation.taggedRank?.rawValue)
        statement.bind(6, citation.title)
        statement.bind(7, citation.note)
        statement.bind(8, articlesText(citation.articles))
        statement.bind(9, citation.quotedText)
        statement.bind(10, kind(of: resolution))
        statement.bind(11, reference?.key)
        statement.bind(12, reference?.title)
        statement.bind(13, reference?.rank?.rawValue)
        statement.bind(14, reference?.versionDate)
        statement.bind(15, current)
        statement.bind(16, successor)
        statement.bind(17, citation.cell)
        statement.bind(18, ownCell ? 1 : 0)
    }

    /// The citations of the items `itemIDs`, in order, by item id. Items that cite alike share
    /// one list (`CitationListIDs`): each list is read once, its strings shared by its items.
    static func fetch(itemIDs: [Int64], _ db: Database) throws -> [Int64: [Citation]] {
        var result: [Int64: [Citation]] = [:]
        var lists: [Int64: [(citation: Citation, ownCell: Bool)]] = [:]
        let listRows = try db.makeStatement(sql: "SELECT * FROM citationLists WHERE listId = ? ORDER BY position")
        for chunk in stride(from: 0, to: itemIDs.count, by: 500).map({ Array(itemIDs[$0..<min($0 + 500, itemIDs.count)]) }) {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT itemId, listId, cell FROM itemCitations
                WHERE itemId IN (\(chunk.map(String.init).joined(separator: ",")))
                """)
            while let row = try rows.next() {
                let listID: Int64 = row["listId"]
                if lists[listID] == nil {
                    lists[listID] = try Row.fetchAll(listRows, arguments: [listID]).map { list in
                        (try citation(list, cell: list["cell"]), list["ownCell"])
                    }
                }
                let itemCell: String? = row["cell"]
                result[row["itemId"]] = lists[listID]!.map { entry in
                    var citation = entry.citation
                    if !entry.ownCell { citation.cell = itemCell }
                    return citation
                }
            }
        }
        return result
    }

    /// The citation of a row of `citationLists` (or of the v2 `citations`), with its cell.
    static func citation(_ row: Row, cell: String?) throws -> Citation {
        let reference: RegistryReference? = (row["registryKey"] as String?).map { key in
            RegistryReference(key: key, title: row["registryTitle"] ?? key,
                              rank: (row["registryRank"] as String?).flatMap(LegalRank.init(rawValue:)),
                              versionDate: row["registryVersion"])
        }
        let resolution: CitationResolution
        switch (row["resolution"] as String, reference) {
        case ("inForce", let reference?): resolution = .inForce(reference)
        case ("superseded", let reference?): resolution = .superseded(reference, current: row["current"] ?? "")
        case ("repealed", let reference?): resolution = .repealed(reference, successor: row["successor"])
        case ("notInRegistry", _): resolution = .notInRegistry
        case ("notALegalInstrument", _): resolution = .notALegalInstrument
        default: resolution = .unresolved
        }
        return Citation(text: row["text"], rankTag: row["rankTag"],
                        taggedRank: (row["taggedRank"] as String?).flatMap(LegalRank.init(rawValue:)),
                        title: row["title"], note: row["note"], articles: articles(row["articles"]),
                        quotedText: row["quotedText"], resolution: resolution, cell: cell)
    }

    static func kind(of resolution: CitationResolution) -> String {
        switch resolution {
        case .unresolved: "unresolved"
        case .inForce: "inForce"
        case .superseded: "superseded"
        case .repealed: "repealed"
        case .notInRegistry: "notInRegistry"
        case .notALegalInstrument: "notALegalInstrument"
        }
    }

    /// `28.1.3;30;120之1.2;41..2`: as `ArticleReference.description`, except that an item
    /// without a paragraph keeps an empty paragraph slot (`41..2`), so it reads back as an item.
    static func articlesText(_ articles: [ArticleReference]) -> String {
        articles.map { reference in
            var text = String(reference.article)
            if let suffix = reference.suffix { text += "之\(suffix)" }
            if reference.paragraph != nil || reference.item != nil { text += ".\(reference.paragraph.map(String.init) ?? "")" }
            if let item = reference.item { text += ".\(item)" }
            return text
        }.joined(separator: ";")
    }

    /// The inverse of `articlesText`.
    static func articles(_ text: String) -> [ArticleReference] {
        text.split(separator: ";").compactMap { part in
            let numbers = part.split(separator: ".", omittingEmptySubsequences: false)
            guard let head = numbers.first else { return nil }
            let articleParts = head.split(separator: "之")
            guard let first = articleParts.first, let article = Int(first) else { return nil }
            let suffix = articleParts.count > 1 ? Int(articleParts[1]) : nil
            return ArticleReference(article: article, suffix: suffix,
                                    paragraph: numbers.count > 1 ? Int(numbers[1]) : nil,
                                    item: numbers.count > 2 ? Int(numbers[2]) : nil)
        }
    }
}
