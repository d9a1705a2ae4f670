import Catalogue
import Foundation
import Sheets

extension ChangeReport {
    /// A workbook with a summary sheet (汇总: the summary groups the county reports, then by
    /// unit, level and category) and a change sheet (变动: one row per change, coloured by kind,
    /// old and new values side by side — a change with several modified fields continues on
    /// the rows below it).
    public static func xlsx(_ changeSet: ChangeSet, groups: [GroupFigures] = [], to file: URL,
                            includeUnchanged: Bool = false) throws(XLSXWriterError) {
        let (changes, fills) = changeSheet(changeSet, includeUnchanged: includeUnchanged)
        try XLSXWriter().write([summarySheet(changeSet.summary, groups: groups), changes],
                               decorations: [.none, SheetDecoration(rowFills: fills)], to: file)
    }

    static let groupDimension = "汇总口径"

    /// The total first, then each summary group with its definition (口径), then the rest.
    static func summarySheet(_ summary: ChangeSummary, groups: [GroupFigures] = []) -> Sheet {
        var grid = SheetGrid()
        grid.append(texts: ["维度", "名称"] + countHeaders.dropLast() + ["精简项数", "削减比例（%）", "说明", "口径"])
        let rows = summary.rows.map { (dimension: $0.dimension.label, name: $0.name, definition: String?.none, counts: $0.counts) }
        let groupRows = groups.map { (dimension: groupDimension, name: $0.group.name, definition: $0.group.definition, counts: $0.counts) }
        for row in rows.prefix(1) + groupRows + rows.dropFirst() {
            let counts = row.counts
            let numbers = [counts.before, counts.after, counts.abolished, counts.merged, counts.split,
                           counts.movedOut, counts.movedIn, counts.added, counts.reduction.items]
            grid.append([.text(row.dimension), .text(row.name)] + numbers.map { .number(Double($0)) }
                        + [.number(Double(counts.reduction.perMille) / 10), .text(counts.reduction.description),
                           row.definition.map(CellValue.text)])
        }
        return grid.sheet("汇总")
    }

    static let changeHeaders = ["变动类型", "置信度", "审核", "原单位", "原事项", "原权力类型", "新单位", "新事项",
                                "新权力类型", "变动字段", "原值", "新值", "理由"]

    static func changeSheet(_ changeSet: ChangeSet, includeUnchanged: Bool) -> (Sheet, [Int: FillColor]) {
        var grid = SheetGrid()
        var fills: [Int: FillColor] = [:]
        grid.append(texts: changeHeaders)
        for change in changeSet.changes where includeUnchanged || change.kind != .unchanged {
            let fill = fill(for: change.kind)
            let first = change.fieldChanges.first
            fills[grid.count] = fill
            grid.append(texts: [
                change.label, "\(Int((change.confidence * 100).rounded()))%", change.review.label,
                joined(change.old) { $0.unit.name }, joined(change.old) { $0.name }, joined(change.old) { $0.category },
                joined(change.new) { $0.unit.name }, joined(change.new) { $0.name }, joined(change.new) { $0.category },
                first?.field.label, first?.old, first?.new, change.reasons.map(\.text).joined(separator: "；"),
            ])
            for field in change.fieldChanges.dropFirst() {
                fills[grid.count] = fill
                grid.append(texts: Array(repeating: nil, count: 9) + [field.field.label, field.old, field.new, nil])
            }
        }
        return (grid.sheet("变动"), fills)
    }
}
