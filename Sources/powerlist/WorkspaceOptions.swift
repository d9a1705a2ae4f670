import ArgumentParser
import Foundation
import Store

/// `--workspace DIR`, shared by every command that uses the workspace database.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("工作区文件夹（存放数据库 \(Workspace.databaseFileName) 和配置），默认为当前文件夹。", valueName: "文件夹"))
    var workspace: String = "."

    var folder: URL { URL(fileURLWithPath: workspace) }

    /// Opens the workspace; `create` only for commands that write into it.
    func open(create: Bool) throws -> Workspace {
        try Workspace.open(folder: folder, create: create)
    }
}
