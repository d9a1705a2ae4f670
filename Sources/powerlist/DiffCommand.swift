import ArgumentParser
import Catalogue
import Concurrency
import Foundation
import Revisions
import Workflow

/// `powerlist diff OLD NEW [--output X.xlsx] [--format text|json|xlsx] [--decisions FILE]`
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "比较两个修订版：逐项列出保留、修改、更名、调整类型、下放/上收/划转、合并、拆分、取消和新增，并按县里的口径汇总。",
        discussion: """
            OLD、NEW 可以是工作区中的修订版，也可以直接给文件或文件夹（临时导入，不写入工作区）。
            两边都是工作区修订版时，配对结果保存在工作区中，并应用 powerlist decisions apply 存入的审核决定。
            同时写出审核决定表（默认在 --output 旁边，否则在工作区文件夹中；可用 --decisions 指定）。
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, xlsx
    }

    @Argument(help: ArgumentHelp("旧版：修订版名称，或文件、文件夹。", valueName: "旧版"))
    var old: String

    @Argument(help: ArgumentHelp("新版：修订版名称，或文件、文件夹。", valueName: "新版"))
    var new: String

    @Option(help: ArgumentHelp("输出格式：text、json 或 xlsx（默认按 --output 的扩展名，否则为 text）。", valueName: "格式"))
    var format: Format?

    @Option(name: [.short, .long], help: ArgumentHelp("输出文件（XLSX 必须指定；JSON 不指定时写到标准输出）。", valueName: "文件"))
    var output: String?

    @Option(help: ArgumentHelp("审核决定表写到这里（XLSX）。", valueName: "文件"))
    var decisions: String?

    @Flag(help: "JSON 和 XLSX 报告也列出保留（未变动）的事项；默认只列变动，保留项只计入汇总。")
    var includeUnchanged = false

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        try reportingErrors {
            let choice = try OutputChoice(format: format, output: output, default: Format.text)
            let (format, outputFile) = (choice.format, choice.file)
            DiffTiming.lap("start")
            let result = try RevisionComparison(workspaceFolder: workspaceOptions.folder, old: old, new: new).run()
            DiffTiming.lap("comparison done")
            // The report, the decisions sheet and the terminal summary each take one core: at once.
            let sheet = decisionSheetFile(outputFile)
            let unchanged = includeUnchanged
            let report: @Sendable () throws -> Void = {
                try Self.writeReport(result, format: format, includeUnchanged: unchanged, to: outputFile)
            }
            let decisions: @Sendable () throws -> Void = { try DecisionSheet.write(result.changeSet, to: sheet) }
            let summary = try Jobs.alongside(format == .text ? [decisions] : [report, decisions]) {
                ChangeReport.terminalSummary(result.changeSet, summary: result.summary) + Self.groupLines(result)
            }
            DiffTiming.lap("report and decisions sheet written")
            if format == .text {
                print(summary, terminator: "")
                if let outputFile { try Data(summary.utf8).write(to: outputFile) }
            } else {
                Terminal.printError(summary)
            }
            Terminal.printError("审核决定表已写到 \(sheet.path)；填好后用 powerlist decisions apply 存入工作区。")
            if let outputFile { Terminal.printError("对比结果已写到 \(outputFile.path)。") }
            if result.stored { Terminal.printError("配对结果已保存在工作区中（\(old) → \(new)）。") }
            // The process exits next: freeing every change first would be seconds of one core.
            Concurrent.release(result)
        }
    }

    /// The JSON or XLSX report, to `file` (JSON without one: to standard output).
    private static func writeReport(_ result: RevisionComparison.Result, format: Format, includeUnchanged: Bool,
                                    to file: URL?) throws {
        let (changes, summary, groups) = (result.changeSet, result.summary, result.groups)
        if format == .xlsx {
            return try ChangeReport.xlsx(changes, groups: groups, to: file!, includeUnchanged: includeUnchanged)
        }
        if let file {
            return try ChangeReport.writeJSON(changes, summary: summary, groups: groups, includeUnchanged: includeUnchanged, to: file)
        }
        FileHandle.standardOutput.write(try ChangeReport.json(changes, summary: summary, groups: groups,
                                                              includeUnchanged: includeUnchanged))
    }

    /// `--decisions`, else next to the output, else in the workspace folder.
    private func decisionSheetFile(_ outputFile: URL?) -> URL {
        if let decisions { return URL(fileURLWithPath: decisions).standardizedFileURL }
        let name = "审核决定（\(Self.fileLabel(old))→\(Self.fileLabel(new))）.xlsx"
        let folder = outputFile?.deletingLastPathComponent() ?? workspaceOptions.folder
        return folder.appendingPathComponent(name).standardizedFileURL
    }

    /// A side's name fit for a file name: a path's last component.
    private static func fileLabel(_ side: String) -> String {
        URL(fileURLWithPath: side).deletingPathExtension().lastPathComponent
    }

    /// `审批事项：变动前 758 项，变动后 462 项；精简296项，削减39.1%（取消 261，合并 40，…）`
    static func groupLines(_ result: RevisionComparison.Result) -> String {
        guard !result.groups.isEmpty else { return "" }
        var lines = ["", "按汇总口径："]
        for (group, counts) in result.groups {
            lines.append("  \(group.name)：变动前 \(counts.before) 项，变动后 \(counts.after) 项；\(counts.reduction)"
                + "（取消 \(counts.abolished)，合并 \(counts.merged)，拆分 \(counts.split)，移出 \(counts.movedOut)，"
                + "移入 \(counts.movedIn)，新增 \(counts.added)）")
            if let definition = group.definition { lines.append("    口径：\(definition)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
