import Catalogue
import Foundation
import Importer
import Sheets
import Store

/// What importing one file did, for the summary table.
struct FileImportReport {
    var displayName: String
    /// The path recorded for the file in the workspace.
    var sourcePath: String?
    var outcome: ImportOutcome?
    var units: [AdminUnit] = []
    /// Sheets with items and all sheets; nil when the file was not read again (unchanged).
    var sheets: (withItems: Int, total: Int)?
    /// Items as a published list counts them (sub-items once), and the records stored.
    var itemCount = 0
    var recordCount = 0
    /// Findings recorded for the file (fresh ones are also in `newFindings`).
    var findingCount = 0
    var newFindings: [Finding] = []
    /// Why the file failed, as a Chinese message naming the file.
    var error: String?

    /// True when the file's content is already in the revision under another path.
    var isCopyOfAnotherSource: Bool {
        if case .unchanged(let path) = outcome { return path != sourcePath }
        return false
    }
}

/// Imports one file: digest, read, import to items, store — each failure becomes the report's error.
struct FileImport {
    let workspace: Workspace
    let importer: Importer
    let revision: String
    /// What a file may hold before it is refused as broken or hostile.
    var limits = ReadLimits.excel

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
            var imported: ImportedWorkbook?
            let outcome = try workspace.importSource(source, revision: revision) {
                let workbook = try Workbook.read(file.url, options: ReadOptions(limits: limits))
                let result = importer.importWorkbook(workbook, displayName: file.displayName)
                imported = result
                return SourceContents(items: result.items, units: result.units, findings: result.findings)
            }
            report.outcome = outcome
            if let imported {
                report.units = imported.units.isEmpty ? unique(imported.items.map(\.unit)) : imported.units
                report.sheets = (imported.sheets.filter { $0.skippedBecause == nil }.count, imported.sheets.count)
                report.itemCount = imported.itemCount
                report.recordCount = imported.items.count
                report.findingCount = imported.findings.count
                report.newFindings = imported.findings
            } else if case .unchanged(let storedPath) = outcome {
                let items = try workspace.items(matching: ItemFilter(revision: revision, sourcePath: storedPath))
                report.units = unique(items.map(\.item.unit))
                report.itemCount = items.map(\.item).publishedItemCount
                report.recordCount = items.count
                report.findingCount = try workspace.findings(revision: revision, sourcePath: storedPath).count
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

    private func unique(_ units: [AdminUnit]) -> [AdminUnit] {
        var seen = Set<AdminUnit>()
        return units.filter { seen.insert($0).inserted }
    }
}
