import Catalogue
import Foundation
import Workflow

/// The table printed after an import: one row per file, totals, then the findings.
struct ImportSummary {
    let revision: String
    let reports: [FileImportReport]
    let verbose: Bool
    /// Findings listed without `--verbose`.
    static let briefFindingCount = 5

    func print() {
        var table = TextTable(header: ["", "文件", "单位", "层级", "工作表", "事项", "记录", "发现问题", "检查", "结果"], rows: [])
        for (index, report) in reports.enumerated() {
            let levels = Level.allCases.filter { level in report.units.contains { $0.level == level } }
            table.rows.append([
                "\(index + 1)",
                DisplayWidth.tableCell(report.displayName, width: 56),
                DisplayWidth.tableCell(Self.unitsText(report.units)),
                levels.map(\.label).joined(separator: "、"),
                report.sheets.map { "\($0.withItems)/\($0.total)" } ?? "—",
                report.error == nil ? "\(report.itemCount)" : "—",
                report.error == nil ? "\(report.recordCount)" : "—",
                report.error == nil ? "\(report.findingCount)" : "—",
                report.error == nil ? "\(report.checkFindingCount)" : "—",
                outcomeText(report),
            ])
        }
        Swift.print("修订版 \(revision) 导入结果：")
        Swift.print(table.render(), terminator: "")
        Swift.print(totals())
        printFindings()
    }

    /// The unit's name, or the names of a few units (a guidance catalogue's levels); a
    /// consolidated list naming more than `namedUnitLimit` bodies shows as `53 个单位`.
    static func unitsText(_ units: [AdminUnit]) -> String {
        let names = units.reduce(into: [String]()) { names, unit in
            if !names.contains(unit.name) { names.append(unit.name) }
        }
        return names.count > namedUnitLimit ? "\(names.count) 个单位" : names.joined(separator: "、")
    }

    static let namedUnitLimit = 2

    private func outcomeText(_ report: FileImportReport) -> String {
        guard report.error == nil, let outcome = report.outcome else { return "失败" }
        switch outcome {
        case .added: return "新增"
        case .replaced: return "已替换"
        case .unchanged(let path):
            return path == report.sourcePath ? "未变" : "未变（与 \(path) 相同）"
        }
    }

    private func totals() -> String {
        func count(_ matches: (FileImportReport) -> Bool) -> Int { reports.filter(matches).count }
        let failed = count { $0.error != nil }
        let added = count { $0.outcome == .added }
        let replaced = count { $0.outcome == .replaced }
        let unchanged = reports.count - failed - added - replaced
        // A copy of another source adds nothing to the revision, so it adds nothing to the totals.
        let counted = reports.filter { !$0.isCopyOfAnotherSource }
        let items = counted.reduce(0) { $0 + $1.itemCount }
        let records = counted.reduce(0) { $0 + $1.recordCount }
        let findings = counted.reduce(0) { $0 + $1.findingCount }
        let checks = counted.reduce(0) { $0 + $1.checkFindingCount }
        // Import findings (was the table read right?) and check findings (is the list lawful?)
        // are told apart: a clean import of a flawed list must still read as a clean import.
        return "合计：\(reports.count) 个文件（新增 \(added)，替换 \(replaced)，未变 \(unchanged)，失败 \(failed)），"
            + "事项 \(items) 项（记录 \(records) 条），发现问题 \(findings) 条。"
            + (checks > 0 ? "\n逐项检查发现 \(checks) 条（类型、法律依据），运行 powerlist check 查看全部并检查重复与多头。" : "")
    }

    private func printFindings() {
        let findings = reports.flatMap(\.newFindings)
        guard !findings.isEmpty else { return }
        let bySeverity = Dictionary(grouping: findings, by: \.severity)
        let counts = [Finding.Severity.error, .warning, .info].compactMap { severity in
            bySeverity[severity].map { "\(severity.label) \($0.count)" }
        }
        Swift.print("\n本次导入发现问题 \(findings.count) 条（\(counts.joined(separator: "，"))）：")
        let shown = verbose ? findings : Array(findings.prefix(Self.briefFindingCount))
        for finding in shown {
            Swift.print("  [\(finding.severity.label)] \(finding.location)：\(finding.message)")
        }
        if shown.count < findings.count {
            Swift.print("  ……另有 \(findings.count - shown.count) 条，加 --verbose 查看全部。")
        }
    }
}
