import ArgumentParser
import Foundation
import Workflow

/// `powerlist publish [--revision R] [--compare OLD] [--internal] --out DIR`
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "把一个修订版的清单发布为静态网站（可离线浏览，可直接放到任何网站服务器上）。",
        discussion: """
            网站包括首页（按层级、单位、类别统计）、单位页、事项页、类别页、层级页、法律法规页、
            站内搜索和下载（CSV、XLSX、JSON）；用 --compare 指定对比的旧修订版时另有“调整情况”页。
            工作区 templates/ 文件夹中的模板和样式会逐个文件覆盖内置模板。
            输出文件夹必须为空，或是以前发布过的网站（会被整体替换）。
            """
    )

    @Option(help: ArgumentHelp("要发布的修订版（默认为最新的修订版）。", valueName: "修订版"))
    var revision: String?

    @Option(help: ArgumentHelp("与之对比的旧修订版，生成“调整情况”页。", valueName: "旧修订版"))
    var compare: String?

    @Flag(name: .customLong("internal"), help: "内部版：附加核查发现的问题（不要对外公开）。")
    var internalSite = false

    @Option(name: [.short, .long], help: ArgumentHelp("输出文件夹。", valueName: "文件夹"))
    var out: String

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        try reportingErrors {
            let publication = SitePublication(workspace: try workspaceOptions.open(create: false),
                                              options: .init(revision: revision, compare: compare, internalSite: internalSite))
            let result = try publication.publish(to: URL(fileURLWithPath: out).standardizedFileURL)
            var line = "已发布修订版 \(result.revision)：\(result.itemCount) 项事项，\(result.pageCount) 个页面，写入 \(result.output.path)。"
            if let reduction = result.reductionText { line += "与 \(compare ?? "") 相比：\(reduction)。" }
            Terminal.printError(line)
            Terminal.printError("用浏览器打开 \(result.output.appendingPathComponent("index.html").path) 即可查看。")
        }
    }
}
