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
        var membership = Membership(group)
        // Each change and reference read in place, counted, not filtered into new arrays.
        for index in changeSet.changes.indices {
            let (olds, news) = (membership.count(changeSet.changes[index].old), membership.count(changeSet.changes[index].new))
            counts.before += olds
            counts.after += news
            switch changeSet.changes[index].kind {
            case .abolished: counts.abolished += olds
            case .merged: counts.merged += olds
            case .split: counts.split += olds
            case .added: counts.added += news
            case .moved:
                if news == 0 { counts.movedOut += olds }
                if olds == 0 { counts.movedIn += news }
            default: break
            }
        }
        return counts
    }
}

/// `SummaryGroup.contains`, its answer kept per category that has no name endings: a `Set<String>`
/// lookup normalizes the Chinese category on every one of a large diff's 400,000 references.
private struct Membership {
    let group: SummaryGroup
    private var byCategory: [UTF8Key: Bool] = [:]

    init(_ group: SummaryGroup) { self.group = group }

    mutating func count(_ refs: [ItemRef]) -> Int {
        // Through a buffer: `refs[index]` was copied, a retain per text of each reference.
        refs.withUnsafeBufferPointer { refs in
            var count = 0
            for index in refs.indices where contains(refs[index]) { count += 1 }
            return count
        }
    }

    private mutating func contains(_ ref: ItemRef) -> Bool {
        guard let category = ref.category else { return false }
        let key = UTF8Key(category)
        if let known = byCategory[key] { return known }
        guard group.nameEndings[category] == nil else { return group.contains(ref) }
        let member = group.categories.contains(category)
        byCategory[key] = member
        return member
    }
}
