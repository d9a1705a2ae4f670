import ArgumentParser
import Catalogue
import Foundation
import Store
import Workflow

/// `powerlist check [--revision R] [--format html|xlsx|json] [--output FILE] [--warn-only]`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查一个修订版：类型、法律依据（设定权、条款、废止与修改）、重复与多头，并写出报告。",
        discussion: """
            类型表、依据规则和法规库自导入以来没有改动时，沿用导入时的清理结果，只重做重复、多头等跨事项检查；
            有改动时按当前的模式重新清理全部事项，所以更新法规库后不必重新导入。
            结果保存在工作区，替换该修订版上一次的检查结果（导入时发现的问题保留）。
            有“错误”级别的问题时退出码为 1，可用来把关发布；加 --warn-only 则总是 0。
            """
    )

    typealias Format = CheckReportFile.Format

    @Option(help: ArgumentHelp("要检查的修订版（默认最近导入的一个）。", valueName: "修订版"))
    var revision: String?

    @Option(help: ArgumentHelp("报告格式：html、xlsx 或 json（默认按 --output 的扩展名）。", valueName: "格式"))
    var format: Format?

    @Option(name: [.short, .long], help: ArgumentHelp("报告文件（不指定则只在终端显示汇总）。", valueName: "文件"))
    var output: String?

    @Flag(help: "只警告：有错误时退出码也为 0。")
    var warnOnly = false

    @Flag(help: "在终端列出全部问题。")
    var verbose = false

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func validate() throws {
        if let output, format == nil, Format(fileName: output) == nil {
            throw ValidationError("无法从文件名“\(output)”判断报告格式：请用 .html、.xlsx 或 .json 结尾，或用 --format 指定。")
        }
        if format != nil, output == nil {
            throw ValidationError("指定 --format 时还要用 --output 指定报告文件。")
        }
    }

    func run() throws {
        var hasErrors = false
        try reportingErrors {
            CheckTiming.begin()
            let workspace = try workspaceOptions.open(create: false)
            let lock = try WorkspaceLock.acquire(folder: workspace.folder, timeout: 60)
            defer { withExtendedLifetime(lock) {} }
            // The report is written while the new findings are stored.
            hasErrors = try CheckRun(workspace: workspace).run(revision: revision) { outcome in
                let report = CheckReportFile.report(outcome)
                CheckTiming.lap("report (subjects, groups by unit)")
                print("修订版 \(outcome.revision) 检查结果（\(outcome.items.count) 条记录）：")
                print(report.summary)
                CheckTiming.lap("terminal summary")
                if verbose {
                    for entry in report.entries {
                        print("  [\(entry.finding.severity.label)] \(entry.place) \(entry.unit)“\(entry.itemName)”：\(entry.finding.message)")
                    }
                }
                if let output, let format = format ?? Format(fileName: output) {
                    let file = URL(fileURLWithPath: output).standardizedFileURL
                    try CheckReportFile.write(report, as: format, to: file, workspace: workspace)
                    CheckTiming.lap("write report (\(format.rawValue))")
                    Terminal.printError("已写出检查报告 \(file.path)。")
                }
                return outcome.hasErrors
            }
        }
        if hasErrors && !warnOnly { throw ExitCode(1) }
    }
}

extension CheckReportFile.Format: ExpressibleByArgument {}
