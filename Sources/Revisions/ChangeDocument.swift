import Catalogue

/// The JSON shape of a change report: what a site's change pages or another tool read.
/// Kinds, fields and reason codes are their English keys; texts a person reads are Chinese.
struct ChangeDocument: Encodable {
    struct Item: Encodable {
        var key: String
        var slug: String
        var name: String
        var unit: String
        var level: String
        var category: String?
        var itemKeys: [String]

        init(_ ref: ItemRef) {
            key = ref.key.rawValue
            slug = ref.key.slug
            name = ref.name
            unit = ref.unit.name
            level = LevelGroup(ref.unit.level).label
            category = ref.category
            itemKeys = ref.itemKeys.map(\.rawValue)
        }
    }

    struct Field: Encodable {
        var field: String
        var label: String
        var old: String?
        var new: String?
    }

    struct Reason: Encodable {
        var code: String
        var score: Double?
        var text: String
    }

    struct Entry: Encodable {
        var kind: String
        var direction: String?
        var label: String
        var old: [Item]
        var new: [Item]
        var fields: [Field]
        var confidence: Double
        var reasons: [Reason]
        var review: String
        var reviewer: String?

        init(_ change: Change) {
            kind = change.kind.rawValue
            direction = change.direction?.rawValue
            label = change.label
            old = change.old.map(Item.init)
            new = change.new.map(Item.init)
            fields = change.fieldChanges.map { Field(field: $0.field.rawValue, label: $0.field.label, old: $0.old, new: $0.new) }
            confidence = Self.rounded(change.confidence)
            reasons = change.reasons.map { Reason(code: $0.code.rawValue, score: $0.score.map(Self.rounded), text: $0.text) }
            (review, reviewer) = Self.review(of: change)
        }

        /// A confidence or score as the report gives it: three decimals.
        static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

        /// `proposed`, or `confirmed` and the reviewer's name.
        static func review(of change: Change) -> (String, String?) {
            switch change.review {
            case .proposed: ("proposed", nil)
            case .confirmed(let name): ("confirmed", name)
            }
        }
    }

    /// A row of figures: a unit, level or category, the total, or a summary group (`审批事项`,
    /// dimension `group`, with the county's definition of it).
    struct SummaryRow: Encodable {
        var dimension: String
        var name: String
        var definition: String?
        var before, after, abolished, merged, split, movedOut, movedIn, added, reduction: Int
        var reductionPercent: Double
        var reductionText: String

        init(dimension: String, name: String, definition: String? = nil, counts: ChangeSummary.Counts) {
            self.dimension = dimension
            self.name = name
            self.definition = definition
            (before, after, abolished, merged, split) = (counts.before, counts.after, counts.abolished, counts.merged, counts.split)
            (movedOut, movedIn, added) = (counts.movedOut, counts.movedIn, counts.added)
            reduction = counts.reduction.items
            reductionPercent = Double(counts.reduction.perMille) / 10
            reductionText = counts.reduction.description
        }
    }

    /// The figures: the total and by unit, level and category (`rows`), and the summary
    /// groups the county reports (`groups`: 审批事项 精简296项，削减39.1%).
    struct Summary: Encodable {
        var rows: [SummaryRow]
        var groups: [SummaryRow]
    }

    var old: String
    var new: String
    var summary: Summary
    /// Encoded as `Entry`s; `ChangeJSONWriter` writes each straight from its change: making
    /// 200,000 entries first, then freeing them, was a third of writing the report.
    var changes: [Change]
    var staleDecisions: Int

    private enum CodingKeys: String, CodingKey {
        case old, new, summary, changes, staleDecisions
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(summary, forKey: .summary)
        try container.encode(changes.map(Entry.init), forKey: .changes)
        try container.encode(staleDecisions, forKey: .staleDecisions)
    }

    /// - Parameter includeUnchanged: whether the retained items' `unchanged` pairings are listed
    ///   too; they are counted in the summary either way.
    init(_ changeSet: ChangeSet, figures: ChangeSummary? = nil, groups: [ChangeReport.GroupFigures],
         includeUnchanged: Bool = false) {
        old = changeSet.oldLabel
        new = changeSet.newLabel
        let rows = (figures ?? changeSet.summary).rows.map { SummaryRow(dimension: $0.dimension.rawValue, name: $0.name, counts: $0.counts) }
        summary = Summary(rows: rows, groups: groups.map {
            SummaryRow(dimension: "group", name: $0.group.name, definition: $0.group.definition, counts: $0.counts)
        })
        changes = includeUnchanged ? changeSet.changes : changeSet.changes.filter { $0.kind != .unchanged }
        staleDecisions = changeSet.staleDecisions.count
    }
}
