import Catalogue
import Foundation
import Store

/// The clean view in exports, beside the raw values: the clean name, the category as the
/// schema names it and its code, and the parsed citations — readable columns in CSV and XLSX,
/// a list of citation objects per item in JSON.
public enum CleanExport {
    /// The columns appended to `ItemTable` for clean items.
    public static let headers = ["清理后名称", "权力类型（规范）", "类型代码", "引用法规"]

    static func row(_ item: PowerItem) -> [String] {
        let name = item.subItemName.map { "\(item.name)—\($0)" } ?? item.name
        return [name, item.category?.name ?? "", item.category?.code ?? "",
                item.citations.map(readable).joined(separator: "；")]
    }

    /// `《统计法》第37条第1款、第38条`; the citation's text when no title was found.
    public static func readable(_ citation: Citation) -> String {
        guard let title = citation.title else { return citation.text }
        let articles = citation.articles.map { reference in
            var text = "第\(reference.article)条"
            if let suffix = reference.suffix { text += "之\(suffix)" }
            if let paragraph = reference.paragraph { text += "第\(paragraph)款" }
            if let item = reference.item { text += "第\(item)项" }
            return text
        }
        return "《\(title)》" + articles.joined(separator: "、")
    }

    /// The `clean` member of an item in the JSON export.
    struct JSONClean: Encodable {
        var fields: [String: String]
        var category: CategoryRef?
        var citations: [JSONCitation]

        init(_ item: PowerItem) {
            fields = Dictionary(uniqueKeysWithValues: item.fields.map { ($0.key.rawValue, $0.value) })
            category = item.category
            citations = item.citations.map(JSONCitation.init)
        }
    }

    /// A citation flattened for readers of the JSON: the registry's verdict as one `status`
    /// word rather than Swift's nested enum encoding.
    struct JSONCitation: Encodable {
        var text: String
        var rankTag: String?
        /// The rank used: the registry's when found, else the tag's.
        var rank: String?
        var title: String?
        var note: String?
        /// `28.1.3`, `120之一`.
        var articles: [String]
        var quotedText: String?
        /// `inForce`, `superseded`, `repealed`, `notInRegistry`, `notALegalInstrument`, `unresolved`.
        var status: String
        var registryTitle: String?
        var registryVersion: String?
        /// The current version's date when the cited one was superseded.
        var current: String?
        var successor: String?
        var cell: String?

        init(_ citation: Citation) {
            text = citation.text
            rankTag = citation.rankTag
            rank = citation.rank?.rawValue
            title = citation.title
            note = citation.note
            articles = citation.articles.map(\.description)
            quotedText = citation.quotedText
            registryTitle = citation.resolution.reference?.title
            registryVersion = citation.resolution.reference?.versionDate
            cell = citation.cell
            switch citation.resolution {
            case .unresolved: status = "unresolved"
            case .inForce: status = "inForce"
            case .superseded(_, let date): status = "superseded"; current = date
            case .repealed(_, let next): status = "repealed"; successor = next
            case .notInRegistry: status = "notInRegistry"
            case .notALegalInstrument: status = "notALegalInstrument"
            }
        }
    }
}

extension ItemTable {
    /// The raw table, then the clean columns (`CleanExport.headers`).
    public init(_ items: [StoredPowerItem], region: Region? = nil) {
        let rows = CleanRows(items, region: region)
        headers = rows.headers
        self.rows = items.map(rows.row)
    }
}

/// The rows of `ItemTable(items, region:)` for clean items, made one at a time.
struct CleanRows {
    let items: [StoredPowerItem]
    let columns: ItemColumns

    init(_ items: [StoredPowerItem], region: Region?) {
        self.items = items
        columns = ItemColumns(items.lazy.map(\.item.raw), region: region)
    }

    var headers: [String] { columns.headers + CleanExport.headers }

    func row(_ stored: StoredPowerItem) -> [String] {
        columns.row(revision: stored.revision, item: stored.item.raw) + CleanExport.row(stored.item)
    }

    /// The header row (index 0), then each item's, with its index in the table.
    func forEach(_ body: (Int, [String]) throws -> Void) rethrows {
        try body(0, headers)
        for (index, stored) in items.enumerated() { try body(index + 1, row(stored)) }
    }
}

extension StoredPowerItem {
    /// The raw item as `items(matching:)` gives it.
    var storedItem: StoredItem {
        StoredItem(id: id, revision: revision, sourcePath: sourcePath, key: item.key, item: item.raw)
    }
}
