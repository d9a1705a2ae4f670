/// One classified change between two revisions: the old items, the new items they became,
/// what kind of change it is, which fields changed, and how sure the machine (or a person) is.
///
/// An `abolished` change has no new items, an `added` one no old items; a merge has several
/// old items and one new, a split one old and several new.
public struct Change: Codable, Hashable, Sendable {
    public var kind: ChangeKind
    /// For `moved`: 下放, 上收 or 划转.
    public var direction: MoveDirection?
    public var old: [ItemRef]
    public var new: [ItemRef]
    /// Field values that differ, old → new (for 1:1 pairings).
    public var fieldChanges: [FieldChange]
    /// 0…1: 1 for a stable code or an identical name, less for a similarity.
    public var confidence: Double
    public var reasons: [PairingReason]
    public var review: ReviewStatus

    public init(kind: ChangeKind, direction: MoveDirection? = nil, old: [ItemRef], new: [ItemRef],
                fieldChanges: [FieldChange] = [], confidence: Double, reasons: [PairingReason],
                review: ReviewStatus = .proposed) {
        self.kind = kind
        self.direction = direction
        self.old = old
        self.new = new
        self.fieldChanges = fieldChanges
        self.confidence = confidence
        self.reasons = reasons
        self.review = review
    }

    /// 取消, 合并, 下放…: the kind as a county writes it, with the direction of a move.
    public var label: String { direction?.label ?? kind.label }

    /// Identifies the pairing across runs: the sorted keys of both sides. A reviewer's
    /// decision is stored against it.
    public var signature: PairingSignature {
        PairingSignature(old: old.map(\.key), new: new.map(\.key))
    }

    /// The same change seen from the other side (NEW compared with OLD).
    public var mirrored: Change {
        var change = self
        change.kind = kind.mirrored
        change.direction = direction?.mirrored
        change.old = new
        change.new = old
        change.fieldChanges = fieldChanges.map { FieldChange(field: $0.field, old: $0.new, new: $0.old) }
        return change
    }
}

/// The keys of a pairing's two sides, each sorted.
public struct PairingSignature: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var old: [ItemKey]
    public var new: [ItemKey]

    public init(old: [ItemKey], new: [ItemKey]) {
        self.old = old.sorted()
        self.new = new.sorted()
    }

    /// `a|b|;c|d| → e|f|`: old keys, an arrow, new keys.
    public var description: String {
        old.map(\.rawValue).joined(separator: ";") + " → " + new.map(\.rawValue).joined(separator: ";")
    }

    public static func < (lhs: PairingSignature, rhs: PairingSignature) -> Bool {
        let (left, right) = (lhs.old.isEmpty ? lhs.new : lhs.old, rhs.old.isEmpty ? rhs.new : rhs.old)
        if left != right { return left.lexicographicallyPrecedes(right) }
        return lhs.new.lexicographicallyPrecedes(rhs.new)
    }
}

/// A main item (as a published list counts it) on one side of a change.
public struct ItemRef: Codable, Hashable, Sendable {
    /// The main item's key: unit + normalized name (no sub-item).
    public var key: ItemKey
    public var name: String
    public var unit: AdminUnit
    /// The unit's normalized name (`地州市级农业农村局` and `地州市农业农村局` share one), by
    /// which summaries group units whose name was reworded.
    public var unitKey: String
    /// The category as resolved (or as written when unknown).
    public var category: String?
    /// The keys of its records (one per sub-item), sorted.
    public var itemKeys: [ItemKey]

    public init(key: ItemKey, name: String, unit: AdminUnit, unitKey: String? = nil, category: String?,
                itemKeys: [ItemKey]) {
        self.key = key
        self.name = name
        self.unit = unit
        self.unitKey = unitKey ?? unit.name
        self.category = category
        self.itemKeys = itemKeys
    }
}

/// One field whose value differs, old → new. Sub-items are compared as the list of their
/// names (`subItemName`, joined by `；`).
public struct FieldChange: Codable, Hashable, Sendable {
    public var field: ItemField
    public var old: String?
    public var new: String?

    public init(field: ItemField, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }
}

/// Who classified a change.
public enum ReviewStatus: Codable, Hashable, Sendable {
    /// Proposed by the machine; no person has looked at it.
    case proposed
    /// Confirmed (or re-paired) by a reviewer, named when the decisions sheet says who.
    case confirmed(reviewer: String?)

    public var label: String {
        switch self {
        case .proposed: "机器建议"
        case .confirmed(let reviewer?): "人工确认（\(reviewer)）"
        case .confirmed: "人工确认"
        }
    }
}
