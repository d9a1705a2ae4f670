import ArgumentParser
import Catalogue
import Foundation
import Workflow

/// `powerlist export --revision R --format csv|json|xlsx [--output FILE]`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "导出一个修订版的全部事项（CSV、JSON 或 XLSX），每项都带来源文件、工作表和单元格范围。",
        discussion: """
            不指定 --output 时，CSV 和 JSON 写到标准输出；XLSX 必须指定 --output。
            输出文件已存在时会被覆盖，但不会覆盖已导入工作区的源电子表格。
            """
    )

    typealias Format = RevisionExport.Format

    @Option(help: ArgumentHelp("要导出的修订版。", valueName: "修订版"))
    var revision: String

    @Option(help: ArgumentHelp("导出格式：csv、json 或 xlsx（默认按 --output 的扩展名，否则为 csv）。", valueName: "格式"))
    var format: Format?

    @Option(name: [.short, .long], help: ArgumentHelp("输出文件（默认写到标准输出）。", valueName: "文件"))
    var output: String?

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        try reportingErrors {
            let choice = try OutputChoice(format: format, output: output, default: Format.csv, verb: "导出")
            let (format, outputFile) = (choice.format, choice.file)
            let export = try RevisionExport(workspace: try workspaceOptions.open(create: false), revision: revision)
            guard let outputFile else {
                FileHandle.standardOutput.write(try export.data(format).data)
                return
            }
            let summary = try export.write(format, to: outputFile)
            Terminal.printError("已导出修订版 \(revision) 的 \(summary.itemCount) 项事项（\(summary.recordCount) 条记录）到 \(outputFile.path)。")
        }
    }
}

extension RevisionExport.Format: ExpressibleByArgument {}
