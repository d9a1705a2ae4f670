import Catalogue
import Foundation
import Sheets

/// The reconciliation as a person reads it: a terminal summary, JSON, an offline HTML page and
/// a workbook (a summary sheet, a sheet per unit).
public enum ReconcileReport {
    /// Chinese summary: totals, coverage, then the units.
    public static func terminalSummary(_ result: Reconciliation, untraced: [LevelTrace.Untraced] = []) -> String {
        var lines = ["指导目录事项 \(result.guidanceTotal) 项：已对应 \(result.count(.matched)) 项，有差异 \(result.count(.differs)) 项，"
            + "缺项 \(result.count(.missing)) 项；超出目录的本地事项 \(result.count(.extra)) 项；覆盖率 \(percent(result.coverageRate))。"]
        for unit in result.units {
            lines.append("  \(unit.unit)（\(unit.level.label)）：对应 \(unit.implemented) 项（有差异 \(unit.differs) 项），"
                + "超出目录 \(unit.extra) 项，覆盖率 \(percent(unit.rate))")
        }
        lines += acrossUnits(result)
        if !untraced.isEmpty { lines.append("找不到上级权力的事项 \(untraced.count) 项：") }
        lines += untraced.map { "  " + $0.message }
        return lines.joined(separator: "\n")
    }

    /// The findings across units, a line each.
    static func acrossUnits(_ result: Reconciliation) -> [String] {
        var lines: [String] = []
        for kind in [ReconcileKind.unclaimed, .otherName] where result.count(kind) > 0 {
            lines.append("\(kind.label) \(result.count(kind)) 项：")
            lines += result.entries.filter { $0.kind == kind }.map { entry in
                "  " + entry.local.map { "\($0.unit.name)“\($0.name)”" }.joined(separator: " 与 ") + "（"
                    + entry.reasons.map(\.text).joined(separator: "；") + "）"
            }
        }
        return lines
    }

    /// One object per guidance item and per unmatched local item, then the units and untraced items.
    public static func json(_ result: Reconciliation, untraced: [LevelTrace.Untraced] = []) throws -> Data {
        struct Document: Encodable {
            var guidanceTotal: Int
            var coverageRate: Double
            var entries: [ReconcileEntry]
            var units: [UnitCoverage]
            var untraced: [LevelTrace.Untraced]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Document(guidanceTotal: result.guidanceTotal, coverageRate: result.coverageRate,
                                           entries: result.entries, units: result.units, untraced: untraced))
    }

    static func percent(_ rate: Double) -> String { String(format: "%.1f%%", rate * 100) }

    static let headers = ["对应情况", "层级", "指导目录事项", "指导目录权力类型", "本地单位", "本地事项", "本地权力类型",
                          "置信度", "差异", "理由"]

    /// The cells of one entry's row, in `headers` order.
    static func row(_ entry: ReconcileEntry) -> [String] {
        [entry.kind.label, entry.level.label, entry.guidance?.name ?? "", entry.guidance?.category ?? "",
         entry.local.map(\.unit.name).joined(separator: "\n"), entry.local.map(\.name).joined(separator: "\n"),
         entry.local.compactMap(\.category).joined(separator: "\n"),
         [.missing, .extra, .unclaimed].contains(entry.kind) ? "" : percent(entry.confidence),
         entry.differences.map { "\($0.field.label)：\($0.old ?? "（空）") → \($0.new ?? "（空）")" }.joined(separator: "\n"),
         entry.reasons.map(\.text).joined(separator: "；")]
    }

    /// A summary sheet (汇总) and a sheet per local unit, then 缺项 for the unclaimed guidance
    /// items and a sheet for each kind across units (移交后无人承接, 异名同权).
    public static func xlsx(_ result: Reconciliation, to file: URL) throws {
        var summary: [[String]] = [["单位", "层级", "对应指导目录事项", "有差异", "超出目录", "覆盖率"]]
        summary.append(["合计", "", "\(result.implemented)/\(result.guidanceTotal)", "\(result.count(.differs))",
                        "\(result.count(.extra))", percent(result.coverageRate)])
        summary += result.units.map { [$0.unit, $0.level.label, "\($0.implemented)/\($0.guidanceTotal)", "\($0.differs)",
                                       "\($0.extra)", percent($0.rate)] }
        var sheets = [sheet("汇总", summary)]
        var used: Set<String> = ["汇总", "缺项", ReconcileKind.unclaimed.label, ReconcileKind.otherName.label]
        for unit in result.units {
            let rows = result.entries.filter { $0.local.contains { $0.unit.name == unit.unit } }.map(row)
            sheets.append(sheet(sheetName(unit.unit, used: &used), [headers] + rows))
        }
        for kind in [ReconcileKind.missing, .unclaimed, .otherName] {
            sheets.append(sheet(kind.label, [headers] + result.entries.filter { $0.kind == kind }.map(row)))
        }
        try XLSXWriter().write(sheets, to: file)
    }

    static func sheet(_ name: String, _ rows: [[String]]) -> Sheet {
        Sheet(name: name, rows: rows.enumerated().map { index, texts in
            Row(index: index, cells: texts.enumerated().filter { !$0.element.isEmpty }.map {
                Cell(row: index, column: $0.offset, value: .text($0.element))
            })
        })
    }

    /// Excel's sheet names: at most 31 characters, none of `[]:*?/\`, distinct.
    static func sheetName(_ unit: String, used: inout Set<String>) -> String {
        let base = String(unit.filter { !"[]:*?/\\".contains($0) }.prefix(28))
        var name = base.isEmpty ? "单位" : base
        var counter = 2
        while used.contains(name) { name = "\(base.prefix(26))\(counter)"; counter += 1 }
        used.insert(name)
        return name
    }
}
