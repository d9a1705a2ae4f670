import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive hold on a workspace by one powerlist process, for the length of an import.
///
/// SQLite alone keeps the database consistent, but two imports interleaving file by file
/// would each report the other's files as changed under them; holding this lock makes a
/// second `powerlist import` wait, then give up with a clear message rather than a raw
/// `SQLITE_BUSY`. It is an advisory `flock` on `powerlist.lock` in the workspace folder:
/// the kernel releases it when the process ends however it ends (even `kill -9`), so a crash
/// never leaves a workspace locked.
public final class WorkspaceLock: @unchecked Sendable {
    /// The lock file's name inside the workspace folder.
    public static let fileName = "powerlist.lock"

    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Takes the lock on the workspace in `folder`, waiting up to `timeout` seconds for another
    /// process to let go of it.
    ///
    /// - Throws: `StoreError.workspaceBusy` when the wait runs out, `.database` when the lock
    ///   file cannot be created (a read-only folder, for example).
    public static func acquire(folder: URL, timeout: TimeInterval) throws -> WorkspaceLock {
        let path = folder.appendingPathComponent(fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError.database(file: path, detail: "无法创建锁文件（\(String(cString: strerror(errno)))）")
        }
        let deadline = Date().addingTimeInterval(max(0, timeout))
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                throw StoreError.workspaceBusy(folder.path)
            }
            usleep(50_000)
        }
        return WorkspaceLock(descriptor: descriptor)
    }
}
