import ArgumentParser
import Foundation

@main
struct PowerlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "powerlist",
        abstract: "权力清单（权责清单）工具：导入、核查、比对、发布。",
        subcommands: [InspectCommand.self, ImportCommand.self, ItemsCommand.self, ExportCommand.self, CheckCommand.self,
                      DiffCommand.self, DecisionsCommand.self, ReconcileCommand.self, PublishCommand.self, ServeCommand.self,
                      DemoCommand.self]
    )

    /// Like the default `main()`, but a mistyped command line is reported with the
    /// Chinese `错误：` / `用法：` words the rest of the tool uses.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
            } else if !message.isEmpty {
                Terminal.printError(localizedUsageMessage(message))
            }
            Foundation.exit(code.rawValue)
        }
    }

    /// Swaps argument-parser's English frame words for Chinese; its detail text stays as is.
    static func localizedUsageMessage(_ message: String) -> String {
        message
            .replacingOccurrences(of: "Error: ", with: "错误：")
            .replacingOccurrences(of: "Usage: ", with: "用法：")
            .replacingOccurrences(of: "Help:  ", with: "说明：")
            .replacingOccurrences(of: "Missing expected argument", with: "缺少参数")
            .replacingOccurrences(of: #"See '([^']+)' for more information\."#,
                                  with: "详见 '$1'。", options: .regularExpression)
    }
}
