import Catalogue

/// One legal instrument of the law registry: facts only (no article text).
public struct LawEntry: Sendable, Hashable {
    public var key: String
    public var title: String
    public var rank: LegalRank?
    public var issuer: String
    /// Province or city of a local regulation; empty for national instruments.
    public var region: String
    /// Promulgated versions, oldest first.
    public var versions: [LawVersion]

    public init(key: String, title: String, rank: LegalRank?, issuer: String = "", region: String = "", versions: [LawVersion]) {
        self.key = key
        self.title = title
        self.rank = rank
        self.issuer = issuer
        self.region = region
        self.versions = versions
    }

    /// Whether the newest version was repealed.
    public var isRepealed: Bool { versions.last?.status == .repealed }

    /// The version a citation dated `date` (`2018-12-29`) means: the newest one passed on or
    /// before it; the newest of all when the citation names no date (or an earlier one than any).
    public func version(citedOn date: String?) -> LawVersion? {
        guard let date else { return versions.last }
        return versions.last { !$0.date.isEmpty && $0.date <= date } ?? versions.last
    }

    public func reference(to version: LawVersion?) -> RegistryReference {
        RegistryReference(key: key, title: title, rank: rank, versionDate: version?.date.nonEmpty)
    }
}

/// One promulgated version of an instrument.
public struct LawVersion: Sendable, Hashable {
    /// Passed or amended, `YYYY-MM-DD`; may be empty.
    public var date: String
    public var effective: String
    public var status: Status
    public var articles: ArticleSet

    public enum Status: String, Sendable, Hashable {
        case inForce = "有效"
        case amended = "已修改"
        case repealed = "已废止"
        case notYetInForce = "尚未生效"
        case unknown = ""
    }

    public init(date: String, effective: String = "", status: Status, articles: ArticleSet = ArticleSet()) {
        self.date = date
        self.effective = effective
        self.status = status
        self.articles = articles
    }

    /// `2009年6月27日版`, for messages.
    public var label: String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date.isEmpty ? "日期不详的版本" : "\(date)版" }
        return "\(parts[0])年\(parts[1])月\(parts[2])日版"
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
