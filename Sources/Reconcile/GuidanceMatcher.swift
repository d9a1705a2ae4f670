import Catalogue
import Revisions

/// Matches a guidance catalogue (权责清单指导目录) against a local list with the diff's
/// matching: the guidance is the "old" side and the local list the "new" one, so stable
/// codes, names, similarity and coverage pair them exactly as `diff` pairs two revisions.
///
/// A guidance catalogue names no unit per item, only a level per sheet (地州级, 区县级), so
/// its items all get one pseudo-unit per level and pair with local items across units. Each
/// level of the guidance is matched against the local items of that level only: a county
/// department does not implement a 地州级 power.
public enum GuidanceMatcher {
    public struct Options: Sendable {
        /// Only this level of the guidance (e.g. `.county` for 区县级); nil for every level it has.
        public var level: Level?
        public var region: Region?
        public var similarityThreshold: Double

        public init(level: Level? = nil, region: Region? = nil, similarityThreshold: Double = 0.6) {
            self.level = level
            self.region = region
            self.similarityThreshold = similarityThreshold
        }
    }

    /// The pseudo-unit guidance items of one level are given.
    static func guidanceUnit(_ level: Level) -> AdminUnit { AdminUnit(name: "指导目录（\(level.label)）", level: level) }

    /// The level of a guidance item: its sheet's name (`区县级`) when that names a level, else its unit's.
    public static func level(of item: PowerItem) -> Level {
        Level(alias: item.raw.provenance.sheet) ?? item.unit.level
    }

    public static func reconcile(guidance: [PowerItem], local: [PowerItem], options: Options = Options()) -> Reconciliation {
        let byLevel = Dictionary(grouping: guidance, by: level(of:))
        let levels = Level.allCases.filter { byLevel[$0] != nil && (options.level == nil || options.level == $0) }
        var entries: [ReconcileEntry] = []
        for level in levels {
            let guide = byLevel[level]!.map { relabelled($0, level: level) }
            let mine = local.filter { $0.unit.level == level }
            entries += compare(guide, mine, options).flatMap { entriesOf($0, level: level) }
        }
        entries = entries.filter { $0.kind != .missing } + elsewhere(entries.filter { $0.kind == .missing },
                                                                      guidance: guidance, local: local, levels: levels, options)
        entries.sort(by: order)
        return Reconciliation(entries: entries, units: coverage(entries))
    }

    static func relabelled(_ item: PowerItem, level: Level) -> PowerItem {
        var copy = item
        copy.raw.unit = guidanceUnit(level)
        return copy
    }

    static func compare(_ guide: [PowerItem], _ mine: [PowerItem], _ options: Options) -> [Change] {
        RevisionDiff.compare(old: guide, new: mine, options: .init(
            oldLabel: "指导目录", newLabel: "本地清单", region: options.region,
            similarityThreshold: options.similarityThreshold)).changes
    }

    /// Missing guidance items looked for at the levels the guidance has no sheet for (a county
    /// power handed down to the townships): found there, they differ in level; the local items of
    /// those levels left unpaired are not reported as extra.
    static func elsewhere(_ missing: [ReconcileEntry], guidance: [PowerItem], local: [PowerItem], levels: [Level],
                          _ options: Options) -> [ReconcileEntry] {
        let others = local.filter { !levels.contains($0.unit.level) }
        let keys = Set(missing.compactMap { $0.guidance?.itemKeys }.joined())
        guard !others.isEmpty, !keys.isEmpty else { return missing }
        let guide = guidance.filter { keys.contains($0.key) }.map { relabelled($0, level: level(of: $0)) }
        let found = compare(guide, others, options).filter { !$0.old.isEmpty }
            .flatMap { entriesOf($0, level: $0.old[0].unit.level) }
        let foundKeys = Set(found.compactMap { $0.guidance?.key })
        return found + missing.filter { !foundKeys.contains($0.guidance!.key) }
    }

    /// One entry per guidance item of a change, or one per local item of an added one.
    static func entriesOf(_ change: Change, level: Level) -> [ReconcileEntry] {
        if change.old.isEmpty {
            return change.new.map {
                ReconcileEntry(kind: .extra, guidance: nil, local: [$0], level: level, confidence: change.confidence,
                               reasons: [PairingReason(.noCounterpart)])
            }
        }
        return change.old.map { guide in
            guard !change.new.isEmpty else {
                return ReconcileEntry(kind: .missing, guidance: guide, local: [], level: level,
                                      confidence: change.confidence, reasons: [PairingReason(.noCounterpart)])
            }
            let differences = Self.differences(change, guide: guide)
            return ReconcileEntry(kind: differences.isEmpty ? .matched : .differs, guidance: guide, local: change.new,
                                  level: level, confidence: change.confidence, reasons: change.reasons,
                                  differences: differences)
        }
    }

    /// Category, basis (for 1:1 pairs, as the diff compares them) and level.
    static func differences(_ change: Change, guide: ItemRef) -> [FieldChange] {
        var result: [FieldChange] = []
        let categories = Set(change.new.map { $0.category ?? "" })
        if categories != [guide.category ?? ""] {
            result.append(FieldChange(field: .category, old: guide.category, new: categories.sorted().joined(separator: "；")))
        }
        if let basis = change.fieldChanges.first(where: { $0.field == .basis }) { result.append(basis) }
        let levels = Set(change.new.map(\.unit.level))
        if levels != [guide.unit.level] {
            result.append(FieldChange(field: .levelAndAuthority, old: guide.unit.level.label,
                                      new: levels.map(\.label).sorted().joined(separator: "；")))
        }
        return result
    }

    static func order(_ lhs: ReconcileEntry, _ rhs: ReconcileEntry) -> Bool {
        let left = (lhs.level.sortIndex, lhs.guidance == nil ? 1 : 0, lhs.guidance?.key.rawValue ?? lhs.local.first?.key.rawValue ?? "")
        let right = (rhs.level.sortIndex, rhs.guidance == nil ? 1 : 0, rhs.guidance?.key.rawValue ?? rhs.local.first?.key.rawValue ?? "")
        return left < right
    }

    static func coverage(_ entries: [ReconcileEntry]) -> [UnitCoverage] {
        let totals = Dictionary(grouping: entries.filter { $0.guidance != nil }, by: \.level).mapValues(\.count)
        var units: [String: UnitCoverage] = [:]
        for entry in entries {
            for unit in Set(entry.local.map(\.unit)) {
                let total = entry.guidance == nil ? 0 : 1
                var coverage = units[unit.name] ?? UnitCoverage(
                    unit: unit.name, level: unit.level, implemented: 0, differs: 0, extra: 0,
                    guidanceTotal: totals[entry.level] ?? 0)
                coverage.implemented += total
                coverage.differs += entry.kind == .differs ? 1 : 0
                coverage.extra += entry.kind == .extra ? 1 : 0
                units[unit.name] = coverage
            }
        }
        return units.values.sorted { ($0.level.sortIndex, $0.unit) < ($1.level.sortIndex, $1.unit) }
    }
}

extension Level {
    var sortIndex: Int { Level.allCases.firstIndex(of: self)! }
}
