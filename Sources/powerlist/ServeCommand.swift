import ArgumentParser
import Foundation
import Workflow

/// `powerlist serve [--port P] [--revision R] [--compare OLD] [--internal]`
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "在本机预览发布的网站（只监听 127.0.0.1），工作区或模板改动后自动重新生成。",
        discussion: "按 Ctrl-C 停止。预览只供本机查看；对外发布请用 powerlist publish 生成文件夹。"
    )

    @Option(help: ArgumentHelp("端口（默认 8080；0 表示任选一个空闲端口）。", valueName: "端口"))
    var port: UInt16 = 8080

    @Option(help: ArgumentHelp("要预览的修订版（默认为最新的修订版）。", valueName: "修订版"))
    var revision: String?

    @Option(help: ArgumentHelp("与之对比的旧修订版。", valueName: "旧修订版"))
    var compare: String?

    @Flag(name: .customLong("internal"), help: "预览内部版（附加核查发现的问题）。")
    var internalSite = false

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        try reportingErrors {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-preview-\(getpid())")
            let preview = SitePreview(workspaceFolder: workspaceOptions.folder.standardizedFileURL,
                                      options: .init(revision: revision, compare: compare, internalSite: internalSite), output: output)
            Self.acceptStopSignals()
            let result = try preview.publish()
            let server = try PreviewServer(root: output, port: port)
            Terminal.printError("已生成修订版 \(result.revision) 的 \(result.pageCount) 个页面。")
            // Unbuffered, so a script (or a test) reading the address sees it at once.
            FileHandle.standardOutput.write(Data("预览地址：http://127.0.0.1:\(server.port)/\n".utf8))
            preview.watch { outcome in
                switch outcome {
                case .success(let result): Terminal.printError("工作区有改动，已重新生成 \(result.pageCount) 个页面。")
                case .failure(let error): Terminal.printError("重新生成失败：\(Terminal.errorMessage(error))")
                }
            }
            server.run()
        }
    }

    /// A process started by another program may inherit a mask that blocks SIGTERM and SIGINT
    /// (Foundation's `Process` children do): unblock them, so `kill` and Ctrl-C stop the preview.
    private static func acceptStopSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
