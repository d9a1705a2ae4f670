import Catalogue

/// How citations read on the site: articles in the way laws number them, and the registry's
/// status as a citizen understands it, with a CSS class for its colour.
enum CitationText {
    static func article(_ reference: ArticleReference) -> String {
        var text = "第\(reference.article)条"
        if let suffix = reference.suffix { text += "之" + chineseDigit(suffix) }
        if let paragraph = reference.paragraph { text += "第\(paragraph)款" }
        if let item = reference.item { text += "第（\(item)）项" }
        return text
    }

    static func articles(_ references: [ArticleReference]) -> String {
        references.map(article).joined(separator: "、")
    }

    static func status(_ resolution: CitationResolution) -> (label: String, style: String) {
        switch resolution {
        case .inForce: ("现行有效", "in-force")
        case .superseded(_, let current): ("已修订，现行为\(current)", "superseded")
        case .repealed(_, let successor): (successor.map { "已废止，由《\($0)》取代" } ?? "已废止", "repealed")
        case .notInRegistry: ("法规库未收录", "unknown")
        case .notALegalInstrument: ("非法律法规文件", "not-law")
        case .unresolved: ("未核对", "unknown")
        }
    }

    private static func chineseDigit(_ number: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return number >= 0 && number <= 10 ? digits[number] : String(number)
    }
}
