import ArgumentParser
import Catalogue
import Foundation
import Reconcile
import Workflow

/// `powerlist reconcile --guidance REV_OR_FILE [--level 区县级] [--revision R] [--format …] [--output FILE]`
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "把本地清单与权责清单指导目录对照：已对应、有差异、缺项、超出目录，各单位覆盖率；并核对跨层级的上级权力。",
        discussion: """
            --guidance 可以是工作区中的修订版，也可以是指导目录文件（导入临时工作区，不改动本工作区）。
            指导目录按工作表名区分层级（地州级、区县级）；--level 只对照其中一级。
            跨单位：同一权力在同一层级两个单位中名称不同（名称相似且引用同一法律条款）列为“异名同权”；
            较早修订版（--compare，默认上一个修订版）记录为下放、上收、划转的事项，本修订版无单位列出的，列为“移交后无人承接”。
            工作区配置 powerlist.yaml 中列出 licences（许可事项清单）时，同时报告不在清单中的行政许可事项。
            """
    )

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, xlsx, html, json
    }

    @Option(help: ArgumentHelp("指导目录：修订版名称或文件路径。", valueName: "修订版或文件"))
    var guidance: String

    @Option(help: ArgumentHelp("只对照指导目录的这一层级（如 区县级、地州级）。", valueName: "层级"))
    var level: String?

    @Option(help: ArgumentHelp("本地清单的修订版（默认为最新修订版）。", valueName: "修订版"))
    var revision: String?

    @Option(help: ArgumentHelp("核对这一较早修订版记录的移交（下放/上收/划转）在本修订版是否有单位承接（默认为上一个修订版）。", valueName: "修订版"))
    var compare: String?

    @Option(help: ArgumentHelp("输出格式：text、xlsx、html 或 json（默认按 --output 的扩展名，否则为 text）。", valueName: "格式"))
    var format: Format?

    @Option(name: [.short, .long], help: ArgumentHelp("输出文件（默认写到标准输出）。", valueName: "文件"))
    var output: String?

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        try reportingErrors {
            let choice = try OutputChoice(format: format, output: output, default: Format.text)
            let (format, outputFile) = (choice.format, choice.file)
            let level = try level.map { text in
                guard let level = Level(alias: text) else { throw UserFacingError("未知层级“\(text)”，可用：地州级、区县级、乡镇、村/社区。") }
                return level
            }
            let job = try WorkspaceReconciliation(workspace: try workspaceOptions.open(create: false), revision: revision)
            let outcome = try job.run(guidance: guidance, level: level, compare: compare)
            try write(outcome, format: format, to: outputFile)
            if format != .text || outputFile != nil {
                Terminal.printError(ReconcileReport.terminalSummary(outcome.reconciliation, untraced: outcome.untraced))
            }
            for finding in outcome.licenceFindings { Terminal.printError("\(finding.severity.label)：\(finding.location) \(finding.message)") }
        }
    }

    private func write(_ outcome: WorkspaceReconciliation.Outcome, format: Format, to file: URL?) throws {
        let result = outcome.reconciliation
        let data: Data
        switch format {
        case .xlsx: try ReconcileReport.xlsx(result, to: file!); return
        case .json: data = try ReconcileReport.json(result, untraced: outcome.untraced)
        case .html: data = Data(ReconcileReport.html(result, untraced: outcome.untraced).utf8)
        case .text:
            data = Data((ReconcileReport.terminalSummary(result, untraced: outcome.untraced) + "\n").utf8)
            if file == nil { FileHandle.standardOutput.write(data); return }
        }
        guard let file else { FileHandle.standardOutput.write(data); return }
        try data.write(to: file, options: .atomic)
    }
}
