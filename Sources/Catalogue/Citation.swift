/// One legal instrument cited in an item's basis, as parsed from the cell and as resolved in
/// the law registry. The text as written stays in the raw item; this is what we made of it.
public struct Citation: Codable, Hashable, Sendable {
    /// The citation as read from the basis cell — tag, title, note and article references, one
    /// line each — without the quoted article text, which is in `quotedText` (not stored twice:
    /// on 200,000 items the quoted text is most of the memory).
    public var text: String
    /// The rank tag as written, without brackets: `法律`, `行法规` (a typo), `部令`; nil when none.
    public var rankTag: String?
    /// The rank the tag names, when it names one (`行法规` → `.administrativeRegulation`).
    public var taggedRank: LegalRank?
    /// The title without 《》, normalized (`中华人民共和国统计法`); nil when none was found.
    public var title: String?
    /// The note in （） after the title: a date, a 令 number, `2018年修正`.
    public var note: String?
    /// Article references in order of citation; a range `第十四至十七条` is expanded.
    public var articles: [ArticleReference]
    /// Article text quoted after the reference (`“……”`), kept apart from the references.
    public var quotedText: String?
    /// What the law registry says about the cited instrument.
    public var resolution: CitationResolution
    /// The cell the basis came from (`F12` or `F12:F14`).
    public var cell: String?

    public init(text: String, rankTag: String? = nil, taggedRank: LegalRank? = nil, title: String? = nil,
                note: String? = nil, articles: [ArticleReference] = [], quotedText: String? = nil,
                resolution: CitationResolution = .unresolved, cell: String? = nil) {
        self.text = text
        self.rankTag = rankTag
        self.taggedRank = taggedRank
        self.title = title
        self.note = note
        self.articles = articles
        self.quotedText = quotedText
        self.resolution = resolution
        self.cell = cell
    }

    /// The rank that counts for the legal rules: the registry's when the instrument resolved,
    /// else the tag's.
    public var rank: LegalRank? { resolution.registryRank ?? taggedRank }

    /// `==` but for the cell, and texts compared by their bytes: the store compares each item's
    /// citations with the lists it has kept (cells aside) two hundred thousand times an import,
    /// and `String`'s `==` normalizes Chinese text that is not the very same string object.
    /// Lists every property but `cell` (a test counts them).
    /// Inlinable, so a caller reading both from arrays compares them in place: a call across
    /// modules made it copy each citation (retaining its strings) first.
    @inlinable
    public func equalsIgnoringCell(_ other: Citation) -> Bool {
        UTF8Key.same(text, other.text) && UTF8Key.same(rankTag, other.rankTag) && taggedRank == other.taggedRank
            && UTF8Key.same(title, other.title) && UTF8Key.same(note, other.note) && articles == other.articles
            && UTF8Key.same(quotedText, other.quotedText) && resolution.sameBytes(as: other.resolution)
    }

    /// `==` with texts compared by their bytes (see `equalsIgnoringCell`).
    @inlinable
    public func sameBytes(as other: Citation) -> Bool {
        equalsIgnoringCell(other) && UTF8Key.same(cell, other.cell)
    }

    /// `equalsIgnoringCell` of two citations in place, property by property: called on array
    /// elements (even through a buffer), the method copies each citation, retaining every
    /// string, before comparing. Lists the same properties (a test compares the two).
    @inlinable
    public static func equalIgnoringCell(_ a: UnsafePointer<Citation>, _ b: UnsafePointer<Citation>) -> Bool {
        UTF8Key.same(a.pointee.text, b.pointee.text) && UTF8Key.same(a.pointee.rankTag, b.pointee.rankTag)
            && a.pointee.taggedRank == b.pointee.taggedRank && UTF8Key.same(a.pointee.title, b.pointee.title)
            && UTF8Key.same(a.pointee.note, b.pointee.note) && a.pointee.articles == b.pointee.articles
            && UTF8Key.same(a.pointee.quotedText, b.pointee.quotedText)
            && a.pointee.resolution.sameBytes(as: b.pointee.resolution)
    }
}

/// The rank of a legal instrument in the hierarchy the legal rules are written against.
/// The raw value is the stable key; `label` is the Chinese name a user reads.
public enum LegalRank: String, Codable, Hashable, Sendable, CaseIterable {
    case constitution                // 宪法
    case law                         // 法律 (incl. decisions of the NPC Standing Committee)
    case administrativeRegulation    // 行政法规
    case stateCouncilDecision        // 国务院决定
    case supervisoryRegulation       // 监察法规
    case judicialInterpretation      // 司法解释
    case localRegulation             // 地方性法规 (incl. autonomous/separate regulations)
    /// `法规` without saying which: an administrative or a local regulation.
    case regulation
    case departmentalRule            // 部门规章
    case localGovernmentRule         // 地方政府规章
    /// `规章` without saying which.
    case rule
    case normativeDocument           // 规范性文件
    case partyRegulation             // 党内法规
    /// Forms, notices, work rules, internal documents: not a legal instrument.
    case internalDocument

    public var label: String {
        switch self {
        case .constitution: "宪法"
        case .law: "法律"
        case .administrativeRegulation: "行政法规"
        case .stateCouncilDecision: "国务院决定"
        case .supervisoryRegulation: "监察法规"
        case .judicialInterpretation: "司法解释"
        case .localRegulation: "地方性法规"
        case .regulation: "法规"
        case .departmentalRule: "部门规章"
        case .localGovernmentRule: "地方政府规章"
        case .rule: "规章"
        case .normativeDocument: "规范性文件"
        case .partyRegulation: "党内法规"
        case .internalDocument: "内部文件"
        }
    }
}

/// One article reference: `第二十八条第一款第（三）项` is article 28, paragraph 1, item 3;
/// `第一百二十条之一` is article 120 with `suffix` 1.
public struct ArticleReference: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var article: Int
    /// `之一`, `之二`: an article inserted by an amendment after `article`.
    public var suffix: Int?
    public var paragraph: Int?
    public var item: Int?

    public init(article: Int, suffix: Int? = nil, paragraph: Int? = nil, item: Int? = nil) {
        self.article = article
        self.suffix = suffix
        self.paragraph = paragraph
        self.item = item
    }

    /// `28.1.3`, `120之一`: compact, for keys and exports.
    public var description: String {
        var text = String(article)
        if let suffix { text += "之\(suffix)" }
        if let paragraph { text += ".\(paragraph)" }
        if let item { text += ".\(item)" }
        return text
    }

    public static func < (lhs: ArticleReference, rhs: ArticleReference) -> Bool {
        (lhs.article, lhs.suffix ?? 0, lhs.paragraph ?? 0, lhs.item ?? 0)
            < (rhs.article, rhs.suffix ?? 0, rhs.paragraph ?? 0, rhs.item ?? 0)
    }
}

/// What the law registry says about a cited instrument.
public enum CitationResolution: Codable, Hashable, Sendable {
    /// Not looked up yet (a citation straight from the parser).
    case unresolved
    /// The cited version (or the only one) is in force.
    case inForce(RegistryReference)
    /// The instrument is in force, but the cited version was superseded by an amendment.
    case superseded(RegistryReference, current: String)
    /// The instrument was repealed; `successor` is the title that replaced it, when known.
    case repealed(RegistryReference, successor: String?)
    /// Not in the registry: information, not an error (most local government rules).
    case notInRegistry
    /// A form, notice or work rule, not a legal instrument.
    case notALegalInstrument

    /// The registry entry, when the citation resolved to one.
    public var reference: RegistryReference? {
        switch self {
        case .inForce(let reference), .superseded(let reference, _), .repealed(let reference, _): reference
        case .unresolved, .notInRegistry, .notALegalInstrument: nil
        }
    }

    public var registryRank: LegalRank? { reference?.rank }

    /// `==` with texts compared by their bytes (see `Citation.equalsIgnoringCell`).
    @inlinable
    public func sameBytes(as other: CitationResolution) -> Bool {
        switch (self, other) {
        case (.unresolved, .unresolved), (.notInRegistry, .notInRegistry), (.notALegalInstrument, .notALegalInstrument):
            true
        case let (.inForce(a), .inForce(b)):
            a.sameBytes(as: b)
        case let (.superseded(a, current: x), .superseded(b, current: y)):
            a.sameBytes(as: b) && UTF8Key.same(x, y)
        case let (.repealed(a, successor: x), .repealed(b, successor: y)):
            a.sameBytes(as: b) && UTF8Key.same(x, y)
        default:
            false
        }
    }
}

/// An entry of the law registry a citation resolved to, and the version it cites.
public struct RegistryReference: Codable, Hashable, Sendable {
    /// The registry key (the normalized title, e.g. `统计法`).
    public var key: String
    /// The full official title.
    public var title: String
    public var rank: LegalRank?
    /// The date of the cited version (`2009-06-27`), or of the current one when the citation
    /// names none.
    public var versionDate: String?

    public init(key: String, title: String, rank: LegalRank?, versionDate: String?) {
        self.key = key
        self.title = title
        self.rank = rank
        self.versionDate = versionDate
    }

    /// `==` with texts compared by their bytes (see `Citation.equalsIgnoringCell`).
    @inlinable
    public func sameBytes(as other: RegistryReference) -> Bool {
        UTF8Key.same(key, other.key) && UTF8Key.same(title, other.title) && rank == other.rank
            && UTF8Key.same(versionDate, other.versionDate)
    }
}
