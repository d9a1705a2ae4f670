import Catalogue
import Foundation
import Importer
import Sheets
import Store
import Workflow

/// `import FILE`: times the stages of `powerlist import` on one file, each on its own, into a
/// fresh temporary workspace, through the same `WorkspaceImport` the command uses — reading
/// (`Workbook.read`), the importer (table layout, header mapping, grouping rows into items),
/// the clean step, the file's digest, and storing (one transaction) — and reports the items
/// as a published list counts them, the records, the findings by code and the peak resident
/// memory after each stage.
struct ImportCommand {
    let file: URL

    init(arguments: [String]) throws(UsageError) {
        let options = try Options(arguments, valued: [])
        guard options.positional.count == 1 else { throw UsageError("import 需要一个文件") }
        file = URL(fileURLWithPath: options.positional[0])
    }

    func run() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("powerlist-benchmark-import-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try Workspace.open(folder: folder, create: true)
        let job = try WorkspaceImport(workspace: workspace, revision: "benchmark")
        let displayName = file.lastPathComponent

        // As in the import, the workbook is released once the importer has turned it into items.
        let imported = try {
            let workbook = try stage("读取") { try Workbook.read(file) }
            return stage("识别与分组") { job.importer.importWorkbook(workbook, displayName: displayName) }
        }()
        let clean = stage("清洗") { job.cleanStep.run(imported.items) }
        let source = try stage("摘要") {
            Source(path: workspace.sourcePath(for: file), sha256: try FileDigest.sha256(of: file),
                   format: try Workbook.sniffFormat(of: file).rawValue, importedAt: Date())
        }
        let outcome = try stage("存储") {
            try workspace.importSource(source, revision: "benchmark") {
                SourceContents(items: clean.items, units: imported.units, findings: imported.findings + clean.findings,
                               submitter: imported.submitter)
            }
        }

        // Counted as everywhere else (`PublishedCount`); the import, the workspace and the export agree.
        let stored = try workspace.publishedItemCount()
        print("\(file.path)：事项 \(imported.itemCount) 项（工作区中 \(stored) 项），\(imported.items.count) 条记录（含子项）（\(outcome)），"
              + "工作表 \(imported.sheets.count) 个，单位 \(imported.units.count) 个，发现 \(imported.findings.count) 条")
        let byCode = Dictionary(grouping: imported.findings, by: \.code).mapValues(\.count)
        for (code, count) in byCode.sorted(by: { $0.value > $1.value }) {
            let example = imported.findings.first { $0.code == code }?.message ?? ""
            print("  \(code) × \(count)：\(example)")
        }
    }

    /// Runs one stage and prints its wall time and the peak RSS so far.
    private func stage<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        let result = try body()
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        print("\(label)：\(String(format: "%.3f", seconds)) 秒，峰值内存 \(PeakMemory.megabytes() ?? 0) MB")
        return result
    }
}
