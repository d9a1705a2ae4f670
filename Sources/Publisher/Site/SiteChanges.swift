import Catalogue

/// The changes between a compared revision and the published one, as the changes page shows
/// them. A small value of the site's own, filled from Revisions' ChangeSet by the lead.
public struct SiteChanges: Codable, Hashable, Sendable {
    /// The revision compared against (`2023`).
    public var comparedRevision: String
    public var summary: SiteChangeSummary
    public var changes: [SiteChange]

    public init(comparedRevision: String, summary: SiteChangeSummary, changes: [SiteChange]) {
        self.comparedRevision = comparedRevision
        self.summary = summary
        self.changes = changes
    }
}

/// The figures a county reports: `原有N项，现有M项，精简X项，削减Y%`.
public struct SiteChangeSummary: Codable, Hashable, Sendable {
    public var oldCount: Int
    public var newCount: Int
    /// The reduction as reported (`精简126项，削减12.3%`), written by Revisions.
    public var text: String

    public init(oldCount: Int, newCount: Int, text: String) {
        self.oldCount = oldCount
        self.newCount = newCount
        self.text = text
    }

    /// Items removed net (never negative).
    public var reduction: Int { max(oldCount - newCount, 0) }
}

/// One change: an item abolished, merged into another, split, moved to another unit, added…
public struct SiteChange: Codable, Hashable, Sendable {
    /// The stable kind key (`abolished`, `merged`, `split`, `moved`, `added`, …): the sections
    /// of the changes page, in the order of first appearance.
    public var kind: String
    /// The kind in Chinese (`取消`, `合并`, `拆分`, `划转`, `新增`).
    public var label: String
    /// The items of the compared revision involved (none for an added item).
    public var old: [SiteItemReference]
    /// The items of the published revision involved (none for an abolished item).
    public var new: [SiteItemReference]
    /// Why, when the reviewer or the source said (`依据国务院决定取消`).
    public var note: String?

    public init(kind: String, label: String, old: [SiteItemReference], new: [SiteItemReference], note: String? = nil) {
        self.kind = kind
        self.label = label
        self.old = old
        self.new = new
        self.note = note
    }
}

/// An item named in a change: an item of the published revision links to its page.
public struct SiteItemReference: Codable, Hashable, Sendable {
    public var key: ItemKey
    public var name: String
    public var unit: String

    public init(key: ItemKey, name: String, unit: String) {
        self.key = key
        self.name = name
        self.unit = unit
    }
}
