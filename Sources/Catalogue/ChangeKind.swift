/// What happened to an item between two revisions of a catalogue.
///
/// The raw value is the stable English key stored in the workspace and written to JSON;
/// `label` is the word a county uses in its change notes.
public enum ChangeKind: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case unchanged
    /// The same power with other field values (basis, body, time limits, fees, sub-items…).
    case modified
    /// The same power, reworded.
    case renamed
    /// In the old revision, gone from the new one (取消).
    case abolished
    /// New in the new revision (新增).
    case added
    /// Several old items became one new item (合并).
    case merged
    /// One old item became several new items (拆分).
    case split
    /// The power went to another unit or level; `Change.direction` says which way.
    case moved
    /// The same power under another category (e.g. 非行政许可审批 → 其他行政权力).
    case recategorized

    public var label: String {
        switch self {
        case .unchanged: "保留"
        case .modified: "修改"
        case .renamed: "更名"
        case .abolished: "取消"
        case .added: "新增"
        case .merged: "合并"
        case .split: "拆分"
        case .moved: "下放/上收/划转"
        case .recategorized: "调整类型"
        }
    }

    /// The kind seen from the other side: comparing NEW with OLD instead of OLD with NEW.
    public var mirrored: ChangeKind {
        switch self {
        case .abolished: .added
        case .added: .abolished
        case .merged: .split
        case .split: .merged
        default: self
        }
    }

    /// The order reports list kinds in: what was cut first, what stayed last.
    public static func < (lhs: ChangeKind, rhs: ChangeKind) -> Bool {
        allCasesInReportOrder.firstIndex(of: lhs)! < allCasesInReportOrder.firstIndex(of: rhs)!
    }

    public static let allCasesInReportOrder: [ChangeKind] = [
        .abolished, .merged, .split, .moved, .added, .recategorized, .renamed, .modified, .unchanged,
    ]
}

/// Which way a moved power went. Levels rank county-or-above, then township, then village.
public enum MoveDirection: String, Codable, Hashable, Sendable, CaseIterable {
    /// To a lower level: county → township (下放).
    case devolved
    /// To a higher level: township → county (上收).
    case centralized
    /// Between units of one level: department → department (划转).
    case transferred

    public var label: String {
        switch self {
        case .devolved: "下放"
        case .centralized: "上收"
        case .transferred: "划转"
        }
    }

    public var mirrored: MoveDirection {
        switch self {
        case .devolved: .centralized
        case .centralized: .devolved
        case .transferred: .transferred
        }
    }

    /// The direction from a unit at `old` to one at `new`.
    public init(from old: Level, to new: Level) {
        let rank = { (level: Level) -> Int in
            switch level {
            case .township: 1
            case .village: 2
            default: 0   // county or above, whatever the level's name
            }
        }
        let (from, to) = (rank(old), rank(new))
        self = to > from ? .devolved : to < from ? .centralized : .transferred
    }
}
