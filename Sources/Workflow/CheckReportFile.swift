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
        case .html: try OutputFile.write(Data(report.html().utf8), to: file)
        case .json: try OutputFile.write(report.json(), to: file)
        case .xlsx:
            do {
                try report.writeXLSX(to: file)
            } catch {
                throw WorkflowError("无法写入文件 \(file.path)：\(error)")
            }
        }
    }
}
