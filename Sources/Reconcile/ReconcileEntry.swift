import Catalogue

/// How a guidance item (or a local item) stands against the other side.
public enum ReconcileKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// A local item implements the guidance item.
    case matched
    /// A local item implements it, but its category, basis or level differs.
    case differs
    /// No local unit claims the guidance item (缺项).
    case missing
    /// A local item with no guidance counterpart (超出目录).
    case extra
    /// Across units: a power an earlier diff or remark records as moved (下放/上收/划转) that
    /// no unit holds in this revision.
    case unclaimed
    /// Across units: one power under different names in two units of one level and
    /// jurisdiction (similar names citing the same article).
    case otherName = "other-name"

    public var label: String {
        switch self {
        case .matched: "已对应"
        case .differs: "有差异"
        case .missing: "缺项"
        case .extra: "超出目录"
        case .unclaimed: "移交后无人承接"
        case .otherName: "异名同权"
        }
    }
}

/// One line of a reconciliation: a guidance item and the local items implementing it, a
/// local item no guidance item accounts for, or a finding across units (`unclaimed`, `otherName`).
public struct ReconcileEntry: Codable, Hashable, Sendable {
    public var kind: ReconcileKind
    /// The guidance item; nil for `extra`.
    public var guidance: ItemRef?
    /// The local items implementing it (several when one guidance item is split or listed
    /// by several units); the item itself for `extra`.
    public var local: [ItemRef]
    /// The level of the guidance sheet the item comes from.
    /// (For the kinds across units: the level of the local items.)
    public var level: Level
    public var confidence: Double
    public var reasons: [PairingReason]
    /// The category, basis or level values that differ (guidance → local).
    public var differences: [FieldChange]

    public init(kind: ReconcileKind, guidance: ItemRef?, local: [ItemRef], level: Level, confidence: Double,
                reasons: [PairingReason], differences: [FieldChange] = []) {
        self.kind = kind
        self.guidance = guidance
        self.local = local
        self.level = level
        self.confidence = confidence
        self.reasons = reasons
        self.differences = differences
    }
}

/// A local unit's share of the guidance catalogue.
public struct UnitCoverage: Codable, Hashable, Sendable {
    public var unit: String
    public var level: Level
    /// Distinct guidance items the unit implements (matched or differing).
    public var implemented: Int
    public var differs: Int
    public var extra: Int
    /// Guidance items of the unit's level.
    public var guidanceTotal: Int

    /// Implemented ÷ guidance items of the level, 0…1.
    public var rate: Double { guidanceTotal == 0 ? 0 : Double(implemented) / Double(guidanceTotal) }
}

/// The whole reconciliation: every entry, per unit and in total.
public struct Reconciliation: Codable, Hashable, Sendable {
    public var entries: [ReconcileEntry]
    public var units: [UnitCoverage]

    public init(entries: [ReconcileEntry], units: [UnitCoverage]) {
        self.entries = entries
        self.units = units
    }

    public func count(_ kind: ReconcileKind) -> Int { entries.count { $0.kind == kind } }
    public var guidanceTotal: Int { entries.count { $0.guidance != nil } }
    /// Guidance items some local unit implements.
    public var implemented: Int { count(.matched) + count(.differs) }
    /// Implemented ÷ guidance items, 0…1.
    public var coverageRate: Double { guidanceTotal == 0 ? 0 : Double(implemented) / Double(guidanceTotal) }
}
