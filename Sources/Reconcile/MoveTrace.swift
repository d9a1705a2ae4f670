import Catalogue

/// Across units, over time: a power recorded as moved (下放/上收/划转) must be held by someone
/// afterwards. The record is a `moved` change of the diff that produced the earlier revision
/// (its target units took the power then), or a remark of the earlier revision announcing a
/// move (`已下放至乡镇`, `划转至县城市管理局`). A power no unit holds in the later revision —
/// at the target's level when the record names one — was claimed by none after the move.
public enum MoveTrace {
    /// A recorded move: the power as its taker (or its giver, for a remark) listed it.
    public struct Move: Hashable, Sendable {
        public var item: ItemRef
        /// The level that took it, when the record says; nil: any level.
        public var targetLevel: Level?
        /// The record in words, for the report's reasons.
        public var record: String

        public init(item: ItemRef, targetLevel: Level?, record: String) {
            self.item = item
            self.targetLevel = targetLevel
            self.record = record
        }
    }

    /// The `moved` changes of a diff, one move per unit that took the power.
    public static func moves(in changes: ChangeSet) -> [Move] {
        changes.changes.filter { $0.kind == .moved }.flatMap { change in
            let givers = change.old.map(\.unit.name).joined(separator: "、")
            return change.new.map { taker in
                Move(item: taker, targetLevel: taker.unit.level,
                     record: "\(changes.oldLabel)→\(changes.newLabel) 比对：由\(givers)\(change.label)至\(taker.unit.name)")
            }
        }
    }

    /// The moves items' remarks or 实施层级及权限 announce.
    public static func statedMoves(_ items: [PowerItem]) -> [Move] {
        var seen = Set<String>()
        return items.compactMap { item in
            guard let text = [item.fields[.remarks], item.fields[.levelAndAuthority]].compactMap({ $0 })
                    .first(where: { $0.range(of: movePattern, options: .regularExpression) != nil }),
                  seen.insert("\(item.unit.name)|\(item.name)").inserted else { return nil }
            return Move(item: reference(item), targetLevel: targetLevel(text), record: "\(item.unit.name)备注：\(text)")
        }
    }

    static let movePattern = "下放|上收|划转|移交"

    /// 乡镇/街道 → township, 村/社区 → village, 县/市 level words → county or city; nil otherwise.
    static func targetLevel(_ remark: String) -> Level? {
        guard let range = remark.range(of: "(" + movePattern + ")(至|到|给)?", options: .regularExpression) else { return nil }
        let target = remark[range.upperBound...].prefix { !"，。；,;（）() ".contains($0) }
        if target.contains("乡") || target.contains("镇") || target.contains("街道") { return .township }
        if target.contains("村") || target.contains("社区") { return .village }
        return Level(alias: String(target))
    }

    /// One `unclaimed` entry per move whose power no item of `items` holds: no name the same or
    /// similar (bigram Dice ≥ `threshold`) at the target level (any level when unknown).
    public static func unclaimed(_ moves: [Move], in items: [PowerItem], threshold: Double = 0.8) -> [ReconcileEntry] {
        guard !moves.isEmpty else { return [] }   // no index built for nothing
        let byLevel = Dictionary(grouping: items, by: \.unit.level).mapValues { level in
            (exact: Set(level.map { ItemKey.normalized($0.name) }), index: NameIndex(level.map(\.name)))
        }
        var seen = Set<String>()
        return moves.compactMap { move in
            guard seen.insert("\(move.item.unit.name)|\(move.item.name)").inserted else { return nil }
            let levels = move.targetLevel.map { [$0] } ?? Level.allCases
            let held = levels.contains { level in
                guard let names = byLevel[level] else { return false }
                return names.exact.contains(ItemKey.normalized(move.item.name))
                    || names.index.best(move.item.name, threshold: threshold) != nil
            }
            guard !held else { return nil }
            return ReconcileEntry(kind: .unclaimed, guidance: nil, local: [move.item], level: move.targetLevel ?? move.item.unit.level,
                                  confidence: 1, reasons: [PairingReason(.moveRecorded, detail: move.record),
                                                           PairingReason(.noCounterpart)])
        }
    }
}

extension MoveTrace {
    /// A reference to a clean item as reports show it: its main item (no sub-item).
    public static func reference(_ item: PowerItem) -> ItemRef {
        ItemRef(key: ItemKey(unit: item.unit.name, name: item.name, subItem: nil), name: item.name, unit: item.unit,
                category: item.category?.name ?? item.fields[.category], itemKeys: [item.key])
    }
}
