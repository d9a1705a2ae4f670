/// The figures a county reports for a revision (“精简296项，削减39%”): before, after and
/// each kind of change, in main items as the published lists count them, in total and by
/// unit, level and category.
///
/// An item counts in its old unit/level/category before and in its new one after, so a
/// power moved from a department to a township lowers the department and raises the township.
public struct ChangeSummary: Codable, Hashable, Sendable {
    public enum Dimension: String, Codable, Hashable, Sendable, CaseIterable {
        case total, unit, level, category

        public var label: String {
            switch self {
            case .total: "合计"
            case .unit: "单位"
            case .level: "层级"
            case .category: "权力类型"
            }
        }
    }

    public struct Row: Codable, Hashable, Sendable {
        public var dimension: Dimension
        public var name: String
        public var counts: Counts
    }

    public struct Counts: Codable, Hashable, Sendable {
        public var before = 0
        public var after = 0
        /// Old items abolished (取消).
        public var abolished = 0
        /// Old items merged into others (the parts, counted in the old revision).
        public var merged = 0
        /// Old items split into several.
        public var split = 0
        /// Old items that left this group for another unit or level.
        public var movedOut = 0
        /// New items that came into this group from another unit or level.
        public var movedIn = 0
        /// New items added (新增).
        public var added = 0

        public init() {}

        public var reduction: Reduction { Reduction(before: before, after: after) }
    }

    /// The whole list first, then each dimension's rows sorted by name.
    public var rows: [Row]

    public var total: Counts { rows.first { $0.dimension == .total }?.counts ?? Counts() }

    public func rows(_ dimension: Dimension) -> [Row] { rows.filter { $0.dimension == dimension } }

    public init(_ changeSet: ChangeSet) {
        var tallies: [Dimension: [String: Counts]] = [:]
        var unitNames: [String: String] = [:]
        func tally(_ ref: ItemRef, _ update: (inout Counts) -> Void) {
            unitNames[ref.unitKey] = unitNames[ref.unitKey] ?? ref.unit.name
            let groups: [(Dimension, String)] = [
                (.total, Dimension.total.label), (.unit, ref.unitKey),
                (.level, LevelGroup(ref.unit.level).label), (.category, ref.category ?? "（未分类）"),
            ]
            for (dimension, name) in groups { update(&tallies[dimension, default: [:]][name, default: Counts()]) }
        }
        // New names first: a unit whose name was reworded is shown as it is now called.
        for change in changeSet.changes { for ref in change.new { unitNames[ref.unitKey] = unitNames[ref.unitKey] ?? ref.unit.name } }
        for change in changeSet.changes {
            for ref in change.old {
                tally(ref) { counts in
                    counts.before += 1
                    switch change.kind {
                    case .abolished: counts.abolished += 1
                    case .merged: counts.merged += 1
                    case .split: counts.split += 1
                    default: break
                    }
                }
            }
            for ref in change.new {
                tally(ref) { counts in
                    counts.after += 1
                    if change.kind == .added { counts.added += 1 }
                }
            }
            if change.kind == .moved { Self.tallyMove(change, tally) }
        }
        rows = Dimension.allCases.flatMap { dimension in
            (tallies[dimension] ?? [:]).map { name, counts in
                Row(dimension: dimension, name: dimension == .unit ? unitNames[name] ?? name : name, counts: counts)
            }.sorted { $0.name < $1.name }
        }
    }

    /// A move counts out of each group the old item leaves and into each the new items enter;
    /// a group on both sides (a level, a category) sees no move.
    private static func tallyMove(_ change: Change, _ tally: (ItemRef, (inout Counts) -> Void) -> Void) {
        for ref in change.old { tally(ref) { $0.movedOut += 1 } }
        for ref in change.new { tally(ref) { $0.movedIn += 1 } }
    }
}

/// How much smaller a list got: `精简296项，削减39.1%` (one decimal, as counties report).
public struct Reduction: Codable, Hashable, Sendable, CustomStringConvertible {
    public var before: Int
    public var after: Int

    public init(before: Int, after: Int) {
        self.before = before
        self.after = after
    }

    /// Items cut (negative when the list grew).
    public var items: Int { before - after }

    /// The share cut in tenths of a percent, rounded half away from zero on exact integers
    /// (296 of 758 is 39.05…% → 391), so report figures are reproduced to the digit.
    public var perMille: Int {
        guard before > 0 else { return 0 }
        let magnitude = (2 * 1000 * abs(items) + before) / (2 * before)
        return items < 0 ? -magnitude : magnitude
    }

    /// `39.1`
    public var percentText: String {
        let tenths = abs(perMille)
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `精简296项，削减39.1%`; `增加12项，增长3.4%` when the list grew; `项数不变` when equal.
    public var description: String {
        if items > 0 { return "精简\(items)项，削减\(percentText)%" }
        if items < 0 { return "增加\(-items)项，增长\(percentText)%" }
        return "项数不变"
    }
}

/// Levels as a summary groups them: every level above the township counts as “county or above”.
public enum LevelGroup: String, Codable, Hashable, Sendable {
    case countyOrAbove, township, village

    public init(_ level: Level) {
        switch level {
        case .township: self = .township
        case .village: self = .village
        default: self = .countyOrAbove
        }
    }

    public var label: String {
        switch self {
        case .countyOrAbove: "县级及以上"
        case .township: "乡镇"
        case .village: "村（社区）"
        }
    }
}
