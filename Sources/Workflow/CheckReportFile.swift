import Catalogue
import Foundation
import Publisher
import Sheets
import Store

/// Writing a check's findings as a report file: HTML to read, XLSX to filter, JSON for tools.
public enum CheckReportFile {
    public enum Format: String, CaseIterable, Sendable {
        case html, xlsx, json

        /// The format a file name's extension asks for (`.htm` too), nil for any other.
        public init?(fileName: String) {
            let ext = URL(fileURLWithPath: fileName).pathExtension.lowercased()
            self.init(rawValue: ext == "htm" ? "html" : ext)
        }
    }

    /// The report of an outcome, with each finding's unit and item name.
    public static func report(_ outcome: CheckRun.Outcome) -> CheckReport {
        CheckReport(title: "权责清单合法性检查报告（修订版 \(outcome.revision)）", findings: outcome.findings, items: outcome.items)
    }

    /// Writes `report` to `file` (overwriting it — never the database or an imported source).
    public static func write(_ report: CheckReport, as format: Format, to file: URL, workspace: Workspace) throws {
        try OutputFile.check(file, workspace: workspace)
        switch format {
        case .html: try streaming(to: file) { try report.writeHTML(to: $0) }
        case .json: try streaming(to: file) { try report.writeJSON(to: $0) }
        case .xlsx:
            do {
                try report.writeXLSX(to: file)
            } catch {
                throw WorkflowError("无法写入文件 \(file.path)：\(error)")
            }
        }
    }

    /// Writes a report as it is rendered, unit by unit: a 200,000-item check has 800,000
    /// findings, and the whole text of their report cost more memory than the check.
    private static func streaming(to file: URL, _ render: (ReportStream) throws -> Void) throws {
        do {
            let stream = try ReportStream(writingTo: file)
            try render(stream)
            try stream.finish()
        } catch {
            throw WorkflowError("无法写入文件 \(file.path)：\(error.localizedDescription)")
        }
    }
}
