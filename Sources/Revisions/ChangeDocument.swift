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
            confidence = (change.confidence * 1000).rounded() / 1000
            reasons = change.reasons.map { Reason(code: $0.code.rawValue, score: $0.score.map { ($0 * 1000).rounded() / 1000 }, text: $0.text) }
            switch change.review {
            case .proposed: review = "proposed"
            case .confirmed(let name):
                review = "confirmed"
                reviewer = name
            }
        }
    }

    struct SummaryRow: Encodable {
        var dimension: String
        var name: String
        var before, after, abolished, merged, split, movedOut, movedIn, added, reduction: Int
        var reductionPercent: Double
        var reductionText: String

        init(_ row: ChangeSummary.Row) {
            let counts = row.counts
            dimension = row.dimension.rawValue
            name = row.name
            (before, after, abolished, merged, split) = (counts.before, counts.after, counts.abolished, counts.merged, counts.split)
            (movedOut, movedIn, added) = (counts.movedOut, counts.movedIn, counts.added)
            reduction = counts.reduction.items
            reductionPercent = Double(counts.reduction.perMille) / 10
            reductionText = counts.reduction.description
        }
    }

    var old: String
    var new: String
    var summary: [SummaryRow]
    var changes: [Entry]
    var staleDecisions: Int

    init(_ changeSet: ChangeSet) {
        old = changeSet.oldLabel
        new = changeSet.newLabel
        summary = changeSet.summary.rows.map(SummaryRow.init)
        changes = changeSet.changes.map(Entry.init)
        staleDecisions = changeSet.staleDecisions.count
    }
}
