import Catalogue
import Foundation

/// Renders a `ChangeSet` for people: a terminal summary, a JSON document, an XLSX workbook
/// (`ChangeReport+XLSX.swift`). Every figure comes from `ChangeSummary`, so the three agree.
public enum ChangeReport {
    /// The summary a county reports, then the same figures by level, category and unit.
    /// - Parameter summary: `changeSet.summary` when the caller has it already (it is worked
    ///   out from every change anew on each call).
    public static func terminalSummary(_ changeSet: ChangeSet, summary: ChangeSummary? = nil, unitRows: Int = 20) -> String {
        let summary = summary ?? changeSet.summary
        let total = summary.total
        var lines = [
            "修订对比：\(changeSet.oldLabel) → \(changeSet.newLabel)",
            "事项数（按公布清单计，子项不重复计）：变动前 \(total.before) 项，变动后 \(total.after) 项；\(total.reduction)",
            kindLine(changeSet),
            reviewLine(changeSet),
        ]
        for dimension in [ChangeSummary.Dimension.level, .category, .unit] {
            let rows = summary.rows(dimension)
            lines.append("")
            lines.append("按\(dimension.label)：")
            lines += table(Array(rows.prefix(dimension == .unit ? unitRows : rows.count)), dimension: dimension)
            if dimension == .unit && rows.count > unitRows {
                lines.append("  …… 另有 \(rows.count - unitRows) 个单位（完整汇总见 --output 的 XLSX）")
            }
        }
        if !changeSet.staleDecisions.isEmpty {
            lines.append("")
            lines.append("注意：\(changeSet.staleDecisions.count) 条审核决定涉及的事项已不在两个版本中，未予应用。")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `取消 236 项；合并 90 项→30 项；…`: each kind with the items it concerns.
    static func kindLine(_ changeSet: ChangeSet) -> String {
        // One pass, each change read in place: `changes(of:)` per kind copied every change.
        var olds: [ChangeKind: Int] = [:], news: [ChangeKind: Int] = [:], moved: [MoveDirection: Int] = [:]
        for index in changeSet.changes.indices {
            let (kind, old, new) = (changeSet.changes[index].kind, changeSet.changes[index].old.count,
                                    changeSet.changes[index].new.count)
            olds[kind, default: 0] += old
            news[kind, default: 0] += new
            if kind == .moved, let direction = changeSet.changes[index].direction { moved[direction, default: 0] += max(old, 1) }
        }
        var parts: [String] = []
        for kind in ChangeKind.allCasesInReportOrder {
            let (old, new) = (olds[kind] ?? 0, news[kind] ?? 0)
            switch kind {
            case .added: parts.append("新增 \(new) 项")
            case .merged, .split: parts.append("\(kind.label) \(old) 项→\(new) 项")
            case .moved:
                for direction in MoveDirection.allCases { parts.append("\(direction.label) \(moved[direction] ?? 0) 项") }
            default: parts.append("\(kind.label) \(old) 项")
            }
        }
        return parts.joined(separator: "；")
    }

    private static func reviewLine(_ changeSet: ChangeSet) -> String {
        var (changed, confirmed, doubtful) = (0, 0, 0)
        for index in changeSet.changes.indices where changeSet.changes[index].kind != .unchanged {
            changed += 1
            let proposed = changeSet.changes[index].review == .proposed
            if !proposed { confirmed += 1 }
            if proposed && changeSet.changes[index].confidence < 0.8 { doubtful += 1 }
        }
        return "审核：\(changed) 处变动中人工确认 \(confirmed) 处，机器建议 \(changed - confirmed) 处（其中置信度低于 80% 的 \(doubtful) 处建议复核）"
    }

    static let countHeaders = ["变动前", "变动后", "取消", "合并", "拆分", "移出", "移入", "新增", "精简"]

    static func countValues(_ counts: ChangeSummary.Counts) -> [String] {
        [counts.before, counts.after, counts.abolished, counts.merged, counts.split, counts.movedOut,
         counts.movedIn, counts.added].map(String.init) + [counts.reduction.description]
    }

    private static func table(_ rows: [ChangeSummary.Row], dimension: ChangeSummary.Dimension) -> [String] {
        let grid = [[dimension.label] + countHeaders] + rows.map { [$0.name] + countValues($0.counts) }
        let widths = (0..<grid[0].count).map { column in grid.map { displayWidth($0[column]) }.max() ?? 0 }
        return grid.map { row in
            "  " + row.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - displayWidth(text))
                return column == 0 || column == row.count - 1 ? text + padding : padding + text
            }.joined(separator: "  ")
        }
    }

    /// Columns a terminal gives a text: CJK and full-width characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }

    /// A summary group with its figures (`ChangeSummary.counts(of:in:)`).
    public typealias GroupFigures = (group: SummaryGroup, counts: ChangeSummary.Counts)

    /// One object per change with stable, sorted English keys; the summary beside them, with
    /// the figures of each summary group. The retained items (`unchanged`) are left out unless
    /// `includeUnchanged`, as in the XLSX report: on a yearly revision they are nine objects in
    /// ten, which a reader of the changes skips.
    public static func json(_ changeSet: ChangeSet, summary: ChangeSummary? = nil, groups: [GroupFigures] = [],
                            includeUnchanged: Bool = false) throws -> Data {
        try ChangeJSONWriter.data(ChangeDocument(changeSet, figures: summary, groups: groups, includeUnchanged: includeUnchanged))
    }

    /// `json` written to `file` piece by piece: a 200,000-item report is a quarter of a
    /// gigabyte, and joining it into one `Data` first copied all of it once more.
    public static func writeJSON(_ changeSet: ChangeSet, summary: ChangeSummary? = nil, groups: [GroupFigures] = [],
                                 includeUnchanged: Bool = false, to file: URL) throws {
        let document = ChangeDocument(changeSet, figures: summary, groups: groups, includeUnchanged: includeUnchanged)
        let pieces = try ChangeJSONWriter.pieces(document)
        // Made (or emptied) as `Data.write` makes it, with its errors.
        try Data().write(to: file)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        for piece in pieces { try handle.write(contentsOf: piece) }
    }
}
