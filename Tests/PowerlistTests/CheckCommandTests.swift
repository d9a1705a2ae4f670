import Foundation
import Sheets
import Store
import Testing

/// `powerlist check` end to end on the example county: the defects its generator planted,
/// the exit status that gates publishing, the three report formats, and re-checking.
@Suite struct CheckCommandTests {
    /// Every planted defect is reported with its code, at its file, sheet and cell.
    @Test(arguments: ["2023", "2024"])
    func findsEveryPlantedDefectAtItsCell(revision label: String) throws {
        let revision = try ExampleManifest.load().revision(label)
        let checked = try CheckedExample.revision(label)
        let reported = Set(checked.findings.map { [$0.code, $0.file, $0.sheet ?? "", $0.cell ?? ""] })
        let missed = revision.defects.filter { defect in
            let file = String(defect.file.drop(while: { $0 != "/" }).dropFirst())
            return !reported.contains([defect.code, file, defect.sheet, defect.cell])
        }
        #expect(missed.isEmpty, "\(missed.count) of \(revision.defects.count) missed, first: \(missed.prefix(3).map { "\($0.code) \($0.file) \($0.sheet)!\($0.cell)" })")
    }

    /// An error (an insufficient basis is one) makes the exit status 1 — so `check` can gate
    /// publishing — and `--warn-only` makes it 0.
    @Test func exitStatusGatesOnErrors() throws {
        let checked = try CheckedExample.revision("2024")
        #expect(checked.findings.contains { $0.severity == "error" })
        #expect(checked.runs.allSatisfy { $0.exitCode == 1 }, "\(checked.runs.map(\.stderr))")
        let warnOnly = try PowerlistCLI.run(["check", "--workspace", checked.workspace.path, "--revision", "2024", "--warn-only"])
        #expect(warnOnly.exitCode == 0, "\(warnOnly.stderr)")
        #expect(warnOnly.stdout.contains("合计："))
    }

    /// The terminal summary is by unit and severity.
    @Test func summaryIsByUnitAndSeverity() throws {
        let checked = try CheckedExample.revision("2024")
        let output = checked.runs[0].stdout
        let errors = checked.findings.count { $0.severity == "error" }
        #expect(output.contains("修订版 2024 检查结果"))
        #expect(output.contains("阿克塔什县公安局"))
        #expect(output.contains("错误 \(errors)，"), "\(output.suffix(300))")
    }

    /// The HTML opens offline and names the units; the XLSX has one row per finding; the JSON
    /// one object per finding with its place.
    @Test func writesTheThreeReportFormats() throws {
        let checked = try CheckedExample.revision("2024")
        let html = try String(contentsOf: checked.reports["html"]!, encoding: .utf8)
        #expect(html.contains("<html") && html.contains("阿克塔什县公安局"))
        #expect(!html.contains("http://") && !html.contains("https://"), "an offline page loads nothing")
        let workbook = try Workbook.read(checked.reports["xlsx"]!)
        let rows = workbook.sheets.first?.rows.count ?? 0
        #expect(rows == checked.findings.count + 1, "a header row, then one row per finding")
        #expect(checked.findings.allSatisfy { !$0.file.isEmpty && !$0.unit.isEmpty })
    }

    /// A re-check replaces the revision's earlier check findings instead of adding to them.
    @Test func reCheckReplacesEarlierCheckFindings() throws {
        let checked = try CheckedExample.revision("2024")
        let workspace = try Workspace.open(folder: checked.workspace, create: false)
        // Three checks have run; the check stage holds one check's findings.
        #expect(try workspace.findings(revision: "2024", stage: "check").count == checked.findings.count)
        #expect(try workspace.findings(revision: "2024", stage: "import").isEmpty)
    }

    @Test func unknownRevisionIsAChineseError() throws {
        let checked = try CheckedExample.revision("2024")
        let result = try PowerlistCLI.run(["check", "--workspace", checked.workspace.path, "--revision", "1999"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("修订版“1999”不存在"), "\(result.stderr)")
    }

    @Test func reportFormatMustBeKnown() throws {
        let checked = try CheckedExample.revision("2024")
        let result = try PowerlistCLI.run(["check", "--workspace", checked.workspace.path, "--output", "报告.txt"])
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("无法从文件名“报告.txt”判断报告格式"), "\(result.stderr)")
    }
}
