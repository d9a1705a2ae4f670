import ArgumentParser
import Catalogue
import Foundation
import Workflow

/// `powerlist import --revision 2024 FILES_OR_FOLDERS...`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "把电子表格导入工作区的一个修订版。",
        discussion: """
            文件按内容识别格式（XLSX、XLS、CSV），与扩展名无关。文件夹会被递归搜索，其中扩展名为 \
            .xlsx、.xlsm、.xls、.csv、.tsv、.txt 的文件会被导入（跳过隐藏文件和 ~$ 开头的锁定文件）。
            同一修订版中再次导入内容相同的文件不会重复；同一路径的文件内容变了，则替换它原先的事项。
            某个文件读取失败时会报告原因并继续导入其余文件，最后以非零退出码结束。
            """
    )

    @Option(help: ArgumentHelp("修订版名称，例如 2024。", valueName: "修订版"))
    var revision: String

    @Argument(help: ArgumentHelp("要导入的文件或文件夹。", valueName: "文件或文件夹"))
    var paths: [String]

    @Option(help: ArgumentHelp("修订版的日期（清单发布或报送的日期），如 2024-06-30。", valueName: "日期"))
    var date: String?

    @Flag(help: "列出全部发现的问题（默认只列出前几条）。")
    var verbose = false

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func validate() throws {
        guard !revision.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("修订版名称不能为空。")
        }
        if let date, Self.parseDate(date) == nil {
            throw ValidationError("日期“\(date)”的格式不对，应写成 2024-06-30 这样的年-月-日。")
        }
    }

    /// `2024-06-30` as midnight UTC; nil for anything else, including impossible days.
    static func parseDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        var components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        components.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    func run() throws {
        try reportingErrors {
            let workspace = try workspaceOptions.open(create: true)
            if let date, let day = Self.parseDate(date) {
                try workspace.setDate(day, ofRevision: revision)
            }
            let job = try WorkspaceImport(workspace: workspace, revision: revision)
            let sources = SourceFiles(arguments: paths)
            for message in sources.missing { Terminal.printError("错误：\(message)") }
            guard !sources.files.isEmpty else {
                throw UserFacingError("没有找到可导入的电子表格文件。")
            }

            let progress = ProgressBar(total: sources.files.count)
            var reports: [FileImportReport] = []
            for (index, file) in sources.files.enumerated() {
                progress.show(step: index, label: file.displayName)
                let report = job.run(file)
                if let error = report.error {
                    progress.clear()
                    Terminal.printError("错误：\(error)")
                }
                reports.append(report)
            }
            progress.clear()

            ImportSummary(revision: revision, reports: reports, verbose: verbose).print()
            let failures = reports.filter { $0.error != nil }.count + sources.missing.count
            if failures > 0 {
                throw UserFacingError("有 \(failures) 个文件或文件夹导入失败，见上文。")
            }
        }
    }
}
