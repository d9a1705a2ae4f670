import Foundation
import Store

/// Where exports and reports may be written: anywhere but over the workspace database or a
/// spreadsheet the workspace imported (a report named like its source must not destroy it).
enum OutputFile {
    static func check(_ file: URL, workspace: Workspace) throws {
        var isDirectory: ObjCBool = false
        let folder = file.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkflowError("输出文件夹 \(folder.path) 不存在。")
        }
        let target = file.resolvingSymlinksInPath().path
        if target == workspace.databaseFile.resolvingSymlinksInPath().path {
            throw WorkflowError("不能写入 \(file.path)：它是工作区的数据库。请换一个输出文件名。")
        }
        for revision in try workspace.revisions() {
            for source in revision.sources
            where workspace.file(atSourcePath: source.path).resolvingSymlinksInPath().path == target {
                throw WorkflowError("不能写入 \(file.path)：它是修订版 \(revision.label) 已导入的源文件。请换一个输出文件名。")
            }
        }
    }

    static func write(_ data: Data, to file: URL) throws {
        do {
            try data.write(to: file, options: .atomic)
        } catch {
            throw WorkflowError("无法写入文件 \(file.path)：\(error.localizedDescription)")
        }
    }

    /// Lets `body` write a hidden file beside `file`, then puts it in `file`'s place in one
    /// rename: a failed or interrupted export leaves the user's earlier file as it was.
    static func replace(_ file: URL, _ body: (URL) throws -> Void) throws {
        let partial = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).part")
        defer { try? FileManager.default.removeItem(at: partial) }
        do {
            try body(partial)
        } catch {
            throw WorkflowError("无法写入文件 \(file.path)：\(error.localizedDescription)")
        }
        guard rename(partial.path, file.path) == 0 else {
            throw WorkflowError("无法写入文件 \(file.path)：\(String(cString: strerror(errno)))")
        }
    }
}
