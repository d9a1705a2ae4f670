import ArgumentParser
import Catalogue
import Foundation
import Workflow

/// `powerlist decisions apply FILE [--reviewer NAME]`
struct DecisionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decisions",
        abstract: "审核决定：把审核人填好的决定表存入工作区，下次 diff 时应用。",
        subcommands: [Apply.self]
    )

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "读取审核决定表（powerlist diff 写出的 XLSX），把“决定”列已填写的行存入工作区。",
            discussion: "同一配对再次决定时，以后存入的为准。下次 powerlist diff 时，这些变动标为“人工确认（审核人）”。"
        )

        @Argument(help: ArgumentHelp("审核决定表（XLSX）。", valueName: "文件"))
        var file: String

        @Option(help: ArgumentHelp("“审核人”列为空的行记为此人的决定。", valueName: "姓名"))
        var reviewer: String?

        @OptionGroup var workspaceOptions: WorkspaceOptions

        func run() throws {
            try reportingErrors {
                let url = URL(fileURLWithPath: file).standardizedFileURL
                guard FileManager.default.fileExists(atPath: url.path) else { throw UserFacingError("找不到审核决定表 \(file)。") }
                let workspace = try workspaceOptions.open(create: false)
                let decisions = try DecisionsApplication(workspace: workspace, reviewer: reviewer).apply(url)
                let counts = Decision.Action.allCases.map { action in
                    "\(action.label) \(decisions.filter { $0.action == action }.count)"
                }
                print("已存入 \(decisions.count) 条审核决定（\(counts.joined(separator: "，"))）；下次 powerlist diff 时应用。")
            }
        }
    }
}
