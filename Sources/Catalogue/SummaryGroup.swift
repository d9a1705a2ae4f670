/// A named group of items a county reports figures for (“审批事项精简296项，削减39.1%”):
/// items of some categories, plus items of other categories whose names end with given words
/// (an 其他行政权力 item named “…审批” counts as an approval). Defined as data in
/// `Catalogues/schemas/summary-groups.yaml`, since each county draws the line its own way.
public struct SummaryGroup: Codable, Hashable, Sendable {
    public var name: String
    /// What the group holds, in the county's words (shown next to the figures).
    public var definition: String?
    /// Categories every item of which belongs to the group.
    public var categories: Set<String>
    /// By category: name endings that put an item of that category in the group.
    public var nameEndings: [String: [String]]

    public init(name: String, definition: String? = nil, categories: Set<String>, nameEndings: [String: [String]] = [:]) {
        self.name = name
        self.definition = definition
        self.categories = categories
        self.nameEndings = nameEndings
    }

    public func contains(_ ref: ItemRef) -> Bool {
        guard let category = ref.category else { return false }
        if categories.contains(category) { return true }
        return nameEndings[category]?.contains { ref.name.hasSuffix($0) } ?? false
    }
}

extension ChangeSummary {
    /// The figures of one group: an item counts before if its old side is in the group and
    /// after if its new side is, so an item recategorized out of the group leaves it.
    public static func counts(of group: SummaryGroup, in changeSet: ChangeSet) -> Counts {
        var counts = Counts()
        for change in changeSet.changes {
            let olds = change.old.filter(group.contains)
            let news = change.new.filter(group.contains)
            counts.before += olds.count
            counts.after += news.count
            switch change.kind {
            case .abolished: counts.abolished += olds.count
            case .merged: counts.merged += olds.count
            case .split: counts.split += olds.count
            case .added: counts.added += news.count
            case .moved:
                if news.isEmpty { counts.movedOut += olds.count }
                if olds.isEmpty { counts.movedIn += news.count }
            default: break
            }
        }
        return counts
    }
}
