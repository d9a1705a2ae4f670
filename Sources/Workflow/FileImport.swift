import Catalogue
import Foundation
import Importer
import Sheets
import Store

/// What importing one file did, for the summary table.
public struct FileImportReport: Sendable {
    public var displayName: String
    /// The path recorded for the file in the workspace.
    public var sourcePath: String?
    public var outcome: ImportOutcome?
    /// The units of the file's items: one, or on a consolidated list one per body its rows name.
    public var units: [AdminUnit] = []
    /// Who handed the file in (its title's unit, its title or its name); nil when not read again.
    public var submitter: String?
    /// Sheets with items and all sheets; nil when the file was not read again (unchanged).
    public var sheets: (withItems: Int, total: Int)?
    /// Items as a published list counts them (`PublishedCount`), and the records stored.
    public var itemCount = 0
    public var recordCount = 0
    /// Import findings recorded for the file — reading the table (fresh ones are also in
    /// `newFindings`). Per-item check findings are counted apart, in `checkFindingCount`: they
    /// are about the list's content, not about whether it was read right.
    public var findingCount = 0
    public var newFindings: [Finding] = []
    /// Per-item check findings recorded at import (category, legal basis); `powerlist check`
    /// shows them, with the cross-item ones.
    public var checkFindingCount = 0
    /// Why the file failed, as a Chinese message naming the file.
    public var error: String?

    public init(displayName: String) {
        self.displayName = displayName
    }

    /// True when the file's content is already in the revision under another path.
    public var isCopyOfAnotherSource: Bool {
        if case .unchanged(let path) = outcome { return path != sourcePath }
        return false
    }
}

/// Imports one file: digest, read, import to raw items, clean, store — each failure becomes
/// the report's error.
struct FileImport {
    let workspace: Workspace
    let importer: Importer
    let cleanStep: CleanStep
    let revision: String
    /// What a file may hold before it is refused as broken or hostile.
    let limits: ReadLimits
    /// Raw items cleaned and stored at a time.
    let chunkSize: Int

    func run(_ file: SourceFiles.File) -> FileImportReport {
        var report = FileImportReport(displayName: file.displayName)
        do {
            if file.url.resolvingSymlinksInPath() == workspace.databaseFile.resolvingSymlinksInPath() {
                report.error = "文件 \(file.url.path)：这是工作区的数据库，不是要导入的电子表格。"
                return report
            }
            let format = try Workbook.sniffFormat(of: file.url)
            let sha256 = try FileDigest.sha256(of: file.url)
            let sourcePath = workspace.sourcePath(for: file.url)
            report.sourcePath = sourcePath
            let source = Source(path: sourcePath, sha256: sha256, format: format.rawValue, importedAt: Date())
            var pipeline: CleanPipeline?
            defer { pipeline?.cancel() }
            let outcome = try workspace.importSourceInChunks(source, revision: revision) {
                let started = try self.start(file, in: &report)
                pipeline = started
                return started.stream(units: report.units, submitter: report.submitter)
            }
            report.outcome = outcome
            PhaseClock.shared.report(file.displayName)
            try cleanStep.recordFingerprint(after: outcome, sourcePath: sourcePath, revision: revision, in: workspace)
            if let pipeline {
                let placed = pipeline.placedFindings
                report.newFindings = placed.filter { $0.code.stage == Self.importStage }
                report.findingCount = report.newFindings.count
                report.checkFindingCount = placed.count - report.findingCount + pipeline.checkFindingCount
            } else if case .unchanged(let storedPath) = outcome {
                try describeStored(path: storedPath, in: &report)
            }
        } catch let error as SheetsError {
            report.error = error.description
        } catch let error as StoreError {
            report.error = "文件 \(file.url.path)：\(error)"
        } catch {
            report.error = "文件 \(file.url.path)：无法导入（\(error)）。"
        }
        return report
    }

    static let importStage = "import"

    /// Read → Importer, then the clean step chunk by chunk as the Store takes the items
    /// (`CleanPipeline`); what the importer found goes into the report. The workbook is
    /// released once the importer has turned it into items, each chunk of items once stored.
    private func start(_ file: SourceFiles.File, in report: inout FileImportReport) throws -> CleanPipeline {
        let clock = PhaseClock.shared
        let workbook = try clock.measure(.read) { try Workbook.read(file.url, options: ReadOptions(limits: limits)) }
        let imported = clock.measure(.importer) { importer.importWorkbook(workbook, displayName: file.displayName) }
        report.units = imported.units
        report.submitter = imported.submitter
        report.sheets = (imported.sheets.filter { $0.skippedBecause == nil }.count, imported.sheets.count)
        report.itemCount = imported.itemCount
        report.recordCount = imported.items.count
        return CleanPipeline(raws: imported.items, importFindings: imported.findings, cleanStep: cleanStep,
                             chunkSize: chunkSize)
    }

    /// Read → Importer → clean step, all at once (the benchmark's stages); import findings
    /// tied to the items whose rows hold them (check findings carry their item already).
    func read(_ file: SourceFiles.File) throws -> (ImportedWorkbook, SourceContents) {
        let imported = importer.importWorkbook(try Workbook.read(file.url, options: ReadOptions(limits: limits)), displayName: file.displayName)
        let clean = cleanStep.run(imported.items)
        let placement = FindingPlacement(clean.items, for: imported.findings)
        let contents = SourceContents(items: clean.items, units: imported.units,
                                      findings: imported.findings.map(placement.placed) + clean.findings,
                                      submitter: imported.submitter)
        return (imported, contents)
    }

    /// What the workspace already holds for a file it did not read again.
    private func describeStored(path: String, in report: inout FileImportReport) throws {
        let filter = ItemFilter(revision: revision, sourcePath: path)
        var seen = Set<AdminUnit>()
        report.units = try workspace.items(matching: filter).map(\.item.unit).filter { seen.insert($0).inserted }
        report.itemCount = try workspace.publishedItemCount(matching: filter)
        report.recordCount = try workspace.itemCount(matching: filter)
        report.findingCount = try workspace.findings(revision: revision, sourcePath: path, stage: Self.importStage).count
        report.checkFindingCount = try workspace.findings(revision: revision, sourcePath: path, stage: CheckRun.stage).count
    }
}
