import Catalogue

/// Everything the published site shows, as plain values: the site builder reads nothing else.
/// Codable so that a test (or a later stage) can build one by hand; the lead's `Workflow` fills
/// it from the Store, Cleanup and Revisions.
public struct SiteContent: Codable, Hashable, Sendable {
    /// The region whose catalogue this is (`克拉玛依市`): the header of every page.
    public var region: String
    /// A logo image file to copy into the site (PNG, JPEG, GIF, SVG or WebP); nil for none.
    public var logoPath: String?
    /// Where the public can comment on an item (诉求渠道), shown on every item page.
    public var feedback: FeedbackChannel?
    public var revision: SiteRevision
    /// The items of the revision, in any order: the builder sorts them.
    public var items: [SiteItem]
    /// The changes since a compared revision (`publish --compare`); nil for no changes page.
    public var changes: SiteChanges?
    /// Findings for an internal site (`publish --internal`); nil for a public site.
    public var findings: [Finding]?
    /// Coverage of the guidance catalogue the workspace config names; nil when it names none.
    public var coverage: SiteCoverage?

    public init(region: String, logoPath: String? = nil, feedback: FeedbackChannel? = nil,
                revision: SiteRevision, items: [SiteItem], changes: SiteChanges? = nil,
                findings: [Finding]? = nil, coverage: SiteCoverage? = nil) {
        self.region = region
        self.logoPath = logoPath
        self.feedback = feedback
        self.revision = revision
        self.items = items
        self.changes = changes
        self.findings = findings
        self.coverage = coverage
    }
}

/// The revision a site shows. Its date is the only date on the site, so that the same input
/// gives the same bytes.
public struct SiteRevision: Codable, Hashable, Sendable {
    public var label: String
    /// `2024-06-30`; nil when the revision has none.
    public var date: String?

    public init(label: String, date: String? = nil) {
        self.label = label
        self.date = date
    }
}

/// The public's channel for questions and complaints about the list (诉求渠道).
public struct FeedbackChannel: Codable, Hashable, Sendable {
    public var phone: String?
    public var address: String?
    /// A web form; only `http:` and `https:` addresses become links, anything else is text.
    public var webForm: String?

    public init(phone: String? = nil, address: String? = nil, webForm: String? = nil) {
        self.phone = phone
        self.address = address
        self.webForm = webForm
    }
}

/// One item of the published revision: the clean item and what happened to it before.
public struct SiteItem: Codable, Hashable, Sendable {
    public var item: PowerItem
    /// Its history across the workspace's revisions, oldest first.
    public var history: [SiteHistoryEntry]

    public init(item: PowerItem, history: [SiteHistoryEntry] = []) {
        self.item = item
        self.history = history
    }
}

/// What happened to an item in one revision (`2023` → `新增`, `2024` → `由“…”合并而来`).
public struct SiteHistoryEntry: Codable, Hashable, Sendable {
    public var revision: String
    public var date: String?
    /// The event in Chinese, as a reader sees it.
    public var event: String

    public init(revision: String, date: String? = nil, event: String) {
        self.revision = revision
        self.date = date
        self.event = event
    }
}
