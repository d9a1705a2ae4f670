import Foundation
import GRDB

/// Why the workspace database could not be opened, read or written. `description` is the
/// message a user reads, in Simplified Chinese.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case workspaceFolderMissing(String)
    /// The folder has no database yet (nothing was imported).
    case noDatabase(String)
    /// The database was written by a newer powerlist whose schema this build does not know.
    case newerSchema(String)
    case unknownRevision(String, known: [String])
    /// SQLite failed: the database file and SQLite's message.
    case database(file: String, detail: String)
    /// Another powerlist process held the workspace (its `WorkspaceLock`) for longer than we waited.
    case workspaceBusy(String)

    public var description: String {
        switch self {
        case .workspaceFolderMissing(let path):
            "工作区文件夹 \(path) 不存在或不是文件夹。"
        case .noDatabase(let path):
            "文件夹 \(path) 中还没有工作区数据库（\(Workspace.databaseFileName)），请先用 powerlist import 导入文件。"
        case .newerSchema(let file):
            "工作区数据库 \(file) 由更新版本的 powerlist 创建，请升级 powerlist 后再使用。"
        case .unknownRevision(let label, let known):
            known.isEmpty
                ? "修订版“\(label)”不存在：工作区中还没有任何修订版。"
                : "修订版“\(label)”不存在。已有修订版：\(known.joined(separator: "、"))。"
        case .database(let file, let detail):
            "工作区数据库 \(file) 出错：\(detail)"
        case .workspaceBusy(let folder):
            "工作区正被另一个 powerlist 进程使用（\(folder)），等待后仍未释放。请等它结束后再试。"
        }
    }

    /// Runs `body`, turning SQLite errors into `.database` (other errors pass through).
    static func wrapping<T>(file: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError.database(file: file, detail: explanation(of: error))
        }
    }

    /// SQLite's message, prefixed with what it means for a user for the codes a user can meet.
    private static func explanation(of error: DatabaseError) -> String {
        let message = error.message ?? error.description
        let meaning: String? = switch error.resultCode.primaryResultCode {
        case .SQLITE_NOTADB: "该文件不是 SQLite 数据库，可能已损坏或被其他文件覆盖"
        case .SQLITE_CORRUPT: "数据库文件已损坏"
        case .SQLITE_BUSY, .SQLITE_LOCKED: "工作区正被另一个 powerlist 进程使用，请稍后再试"
        case .SQLITE_READONLY, .SQLITE_PERM: "没有写入数据库文件的权限（文件或文件夹是只读的），数据库未被改动"
        case .SQLITE_FULL: "磁盘空间已满，本次写入已撤销，原有数据未受影响"
        case .SQLITE_IOERR: "读写磁盘出错（磁盘可能已满或文件超出大小限制），本次写入已撤销，原有数据未受影响"
        case .SQLITE_CANTOPEN: "无法打开数据库文件"
        case .SQLITE_CONSTRAINT: "要写入的数据不符合数据库的约束"
        default: nil
        }
        return meaning.map { "\($0)（\(message)）" } ?? message
    }
}
