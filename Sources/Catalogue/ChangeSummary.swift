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
        var tally = Tally()
        // Each change and reference read in place, through buffers: a `Change` or `ItemRef`
        // copied (into a loop variable, a closure or out of an array's subscript) costs a
        // retain per text, on 400,000 references.
        changeSet.changes.withUnsafeBufferPointer { changes in
            // New names first: a unit whose name was reworded is shown as it is now called.
            for change in changes.indices {
                changes[change].new.withUnsafeBufferPointer { refs in
                    for index in refs.indices { tally.name(refs[index]) }
                }
            }
            for change in changes.indices {
                let kind = changes[change].kind
                changes[change].old.withUnsafeBufferPointer { refs in
                    for index in refs.indices {
                        tally.add(refs[index]) { counts in
                            counts.before += 1
                            switch kind {
                            case .abolished: counts.abolished += 1
                            case .merged: counts.merged += 1
                            case .split: counts.split += 1
                            default: break
                            }
                        }
                    }
                }
                changes[change].new.withUnsafeBufferPointer { refs in
                    for index in refs.indices {
                        tally.add(refs[index]) { counts in
                            counts.after += 1
                            if kind == .added { counts.added += 1 }
                        }
                    }
                }
                if kind == .moved { Self.tallyMove(changes[change], &tally) }
            }
        }
        rows = tally.rows
    }

    /// A move counts out of each group the old item leaves and into each the new items enter;
    /// a group on both sides (a level, a category) sees no move.
    private static func tallyMove(_ change: Change, _ tally: inout Tally) {
        for index in change.old.indices { tally.add(change.old[index]) { $0.movedOut += 1 } }
        for index in change.new.indices { tally.add(change.new[index]) { $0.movedIn += 1 } }
    }
}

/// The counts of each dimension's groups while the changes are walked. Units and categories
/// are keyed by their UTF-8 bytes (`UTF8Key`): `String` hashes Chinese text by normalizing it
/// on every lookup, and a 200,000-item diff looks up each of its 400,000 references. The last
/// unit and category looked up are remembered: changes come sorted by key, unit first, so
/// most references are of the unit before.
private struct Tally {
    var total = ChangeSummary.Counts()
    /// Counts by slot; the slots by unit key, category and level.
    private var counts: [ChangeSummary.Counts] = []
    private var units: [UTF8Key: Int] = [:]
    private var categories: [UTF8Key: Int] = [:]
    private var levels: [LevelGroup: Int] = [:]
    /// Each unit key's name as shown: the first seen (new references are named first).
    private var unitNames: [UTF8Key: String] = [:]
    private var lastUnit: (key: UTF8Key, slot: Int)?
    private var lastCategory: (key: UTF8Key, slot: Int)?
    private var lastNamed: UTF8Key?

    mutating func name(_ ref: ItemRef) {
        let key = UTF8Key(ref.unitKey)
        guard key != lastNamed else { return }
        lastNamed = key
        if unitNames[key] == nil { unitNames[key] = ref.unit.name }
    }

    mutating func add(_ ref: ItemRef, _ update: (inout ChangeSummary.Counts) -> Void) {
        name(ref)
        update(&total)
        let unit = UTF8Key(ref.unitKey)
        let unitSlot = lastUnit.flatMap { $0.key == unit ? $0.slot : nil } ?? unitSlot(unit)
        lastUnit = (unit, unitSlot)
        update(&counts[unitSlot])
        let level = LevelGroup(ref.unit.level)
        let levelSlot = levels[level] ?? newSlot()
        levels[level] = levelSlot
        update(&counts[levelSlot])
        let category = UTF8Key(ref.category ?? "（未分类）")
        let categorySlot = lastCategory.flatMap { $0.key == category ? $0.slot : nil } ?? categorySlot(category)
        lastCategory = (category, categorySlot)
        update(&counts[categorySlot])
    }

    private mutating func unitSlot(_ key: UTF8Key) -> Int {
        if let known = units[key] { return known }
        units[key] = newSlot()
        return counts.count - 1
    }

    private mutating func categorySlot(_ key: UTF8Key) -> Int {
        if let known = categories[key] { return known }
        categories[key] = newSlot()
        return counts.count - 1
    }

    private mutating func newSlot() -> Int {
        counts.append(ChangeSummary.Counts())
        return counts.count - 1
    }

    /// The whole list first, then each dimension's rows sorted by name, as before.
    var rows: [ChangeSummary.Row] {
        typealias Row = ChangeSummary.Row
        let total = units.isEmpty ? [] : [Row(dimension: .total, name: ChangeSummary.Dimension.total.label, counts: total)]
        let groups: [[Row]] = [
            units.map { Row(dimension: .unit, name: unitNames[$0.key] ?? $0.key.text, counts: counts[$0.value]) },
            levels.map { Row(dimension: .level, name: $0.key.label, counts: counts[$0.value]) },
            categories.map { Row(dimension: .category, name: $0.key.text, counts: counts[$0.value]) },
        ]
        return total + groups.flatMap { $0.sorted { $0.name < $1.name } }
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

    /// Hashes the case, not its raw text (see `ItemField.hash(into:)`).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(unsafeBitCast(self, to: UInt8.self))
    }

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
