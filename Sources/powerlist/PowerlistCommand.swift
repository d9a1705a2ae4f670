import ArgumentParser

@main
struct PowerlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "powerlist",
        abstract: "权力清单（权责清单）工具：导入、核查、比对、发布。",
        subcommands: [InspectCommand.self, ImportCommand.self, ItemsCommand.self, ExportCommand.self]
    )
}
