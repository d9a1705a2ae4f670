import Catalogue
import Foundation
import Schemas
import Store

/// `powerlist demo`: the example county built into a fresh folder — every revision imported,
/// checked, compared, reconciled against the guidance catalogue and published — so a new
/// user sees the whole workflow with one command.
///
/// Everything is written inside `output` (the workspace, the reports, the site); a folder that
/// holds anything else is refused, so the demo can never overwrite a user's files. Running it
/// again starts over in the same folder.
public struct ExampleDemo: Sendable {
    /// The example region's folder (`Catalogues/examples/阿克塔什县`).
    public let example: URL
    public let output: URL

    /// The file that marks a folder as the demo's own, so a second run may empty it.
    static let marker = ".powerlist-demo"

    public init(example: URL, output: URL) {
        self.example = example
        self.output = output
    }

    /// The shipped example next to the built-in schemas (`Catalogues/examples/阿克塔什县`), found
    /// the way the schemas are: `POWERLIST_SCHEMAS`, then walking up from the current folder,
    /// then from the executable.
    public static func shippedExample() throws -> URL {
        let loader = SchemaLoader(workspace: URL(fileURLWithPath: "/nonexistent"))
        guard let schemas = loader.builtInFolder else {
            throw DemoError.exampleMissing
        }
        let folder = schemas.deletingLastPathComponent().appendingPathComponent("examples/阿克塔什县", isDirectory: true)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.json").path) else {
            throw DemoError.exampleMissing
        }
        return folder
    }

    public var workspaceFolder: URL { output.appendingPathComponent("工作区", isDirectory: true) }
    public var reportsFolder: URL { output.appendingPathComponent("报告", isDirectory: true) }
    public var siteFolder: URL { output.appendingPathComponent("网站", isDirectory: true) }

    /// Empties (or creates) the output folder, refusing one the demo did not make.
    func prepareOutput() throws {
        let files = FileManager.default
        if files.fileExists(atPath: output.path) {
            let contents = try files.contentsOfDirectory(atPath: output.path)
            guard contents.isEmpty || contents.contains(Self.marker) else {
                throw DemoError.foreignFolder(output.path)
            }
            for name in contents {
                try files.removeItem(at: output.appendingPathComponent(name))
            }
        }
        try files.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("powerlist demo\n".utf8).write(to: output.appendingPathComponent(Self.marker))
        for folder in [workspaceFolder, reportsFolder] {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        // The config and the guidance catalogue it names (the site shows the coverage).
        for name in ["powerlist.yaml", "指导目录.xlsx"] where files.fileExists(atPath: example.appendingPathComponent(name).path) {
            try files.copyItem(at: example.appendingPathComponent(name), to: workspaceFolder.appendingPathComponent(name))
        }
    }

    /// The example's revisions in order, with their dates, from its manifest.
    func revisions() throws -> [ExampleRevision] {
        let data = try Data(contentsOf: example.appendingPathComponent("manifest.json"))
        return try JSONDecoder().decode(ExampleManifest.self, from: data).revisions
    }
}

/// What the demo reads from the example's `manifest.json`.
struct ExampleManifest: Decodable {
    var revisions: [ExampleRevision]
}

struct ExampleRevision: Decodable {
    var label: String
    var date: String
    var folder: String
}

public enum DemoError: Error, CustomStringConvertible, LocalizedError {
    case exampleMissing
    case foreignFolder(String)
    case importFailed(String)

    public var description: String {
        switch self {
        case .exampleMissing:
            "找不到示例地区 Catalogues/examples/阿克塔什县：请在 powerlist 仓库（或其子文件夹）中运行，或设置环境变量 POWERLIST_SCHEMAS 指向 Catalogues/schemas"
        case .foreignFolder(let path):
            "文件夹 \(path) 不是空的，也不是 powerlist demo 生成的：为免覆盖其中的文件，请换一个文件夹（--out）"
        case .importFailed(let message):
            "示例文件导入失败：\(message)"
        }
    }

    public var errorDescription: String? { description }
}

extension ExampleDemo {
    /// The figures `powerlist demo` prints.
    public struct Figures: Sendable {
        /// Units and items (as published lists count them) per level, in the newest revision.
        public var levels: [(level: Level, units: Int, items: Int)]
        /// Findings of the newest revision's check, by severity.
        public var findings: [Finding.Severity: Int]
        /// The clean-up between the first and the newest revision, as the county reports it.
        public var reduction: String?
        /// The 审批 group's figures, when the summary groups define one.
        public var approvals: String?
        /// Coverage of the guidance catalogue by the first revision.
        public var guidanceCoverage: WorkspaceReconciliation.Figures?
        public var revisions: [String]
        public var site: URL
        public var pageCount: Int
    }

    /// Builds everything, step by step; `step` is told what is being done (for the terminal).
    public func run(step: (String) -> Void = { _ in }) throws -> Figures {
        try prepareOutput()
        let workspace = try Workspace.open(folder: workspaceFolder, create: true)
        let revisions = try revisions()
        for revision in revisions {
            step("导入 \(revision.label) 年版清单（\(revision.folder)/）")
            try importRevision(revision, into: workspace)
        }
        guard let first = revisions.first?.label, let last = revisions.last?.label else { throw DemoError.exampleMissing }
        var findings: [Finding.Severity: Int] = [:]
        for revision in revisions {
            step("检查 \(revision.label) 年版")
            let outcome = try CheckRun(workspace: workspace).run(revision: revision.label)
            try CheckReportFile.write(CheckReportFile.report(outcome), as: .html,
                                      to: reportsFolder.appendingPathComponent("检查报告-\(revision.label).html"), workspace: workspace)
            findings = outcome.counts
        }
        step("对比 \(first) → \(last)")
        let comparison = try RevisionComparison(workspaceFolder: workspaceFolder, old: first, new: last).run()
        step("对照指导目录（\(first) 年版）")
        let guidance = example.appendingPathComponent("指导目录.xlsx")
        let reconciliation = try WorkspaceReconciliation(workspace: workspace, revision: first)
            .run(guidance: guidance.path, level: .county)
        step("发布 \(last) 年版网站")
        let site = try SitePublication(workspace: workspace, options: .init(revision: last, compare: first))
            .publish(to: siteFolder)
        return Figures(levels: try levelCounts(workspace, revision: last), findings: findings,
                       reduction: Self.reportLine(comparison.summary.total),
                       approvals: comparison.counts(ofGroup: "审批事项").map(Self.reportLine),
                       guidanceCoverage: reconciliation.figures, revisions: revisions.map(\.label),
                       site: site.output, pageCount: site.pageCount)
    }

    private func importRevision(_ revision: ExampleRevision, into workspace: Workspace) throws {
        let job = try WorkspaceImport(workspace: workspace, revision: revision.label)
        let files = SourceFiles(arguments: [example.appendingPathComponent(revision.folder).path]).files
        let failed = job.run(files).compactMap(\.error)
        if let error = failed.first { throw DemoError.importFailed(error) }
        if let date = Self.day(revision.date) { try workspace.setDate(date, ofRevision: revision.label) }
    }

    private func levelCounts(_ workspace: Workspace, revision: String) throws -> [(level: Level, units: Int, items: Int)] {
        try Level.allCases.compactMap { level in
            let filter = ItemFilter(revision: revision, level: level)
            let items = try workspace.publishedItemCount(matching: filter)
            guard items > 0 else { return nil }
            let units = Set(try workspace.items(matching: filter).map(\.item.unit.name)).count
            return (level, units, items)
        }
    }

    /// `由758项减为462项，精简296项，削减39.1%`
    static func reportLine(_ counts: ChangeSummary.Counts) -> String {
        "由\(counts.before)项减为\(counts.after)项，\(counts.reduction)"
    }

    static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}
