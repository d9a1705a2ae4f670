import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's bytes. A large file is mapped (`MAP_POPULATE`: its pages mapped in one call)
/// rather than read: reading copied every byte into fresh memory, one page fault per 4 KB —
/// a tenth of a file-to-file diff of two 280 MB CSV files. Anything else, or any failure to
/// map, reads the file as before (`Data(contentsOf:)`, which reports errors).
///
/// A mapped file cut short by another program while it is read would stop the process with
/// `SIGBUS`: the handler installed with the first mapping says so in Chinese and exits,
/// instead of a crash report.
enum FileBytes {
    static func read(_ url: URL) throws -> Data {
        #if os(Linux)
        if let data = mapped(url.path) { return data }
        #endif
        return try Data(contentsOf: url, options: .mappedIfSafe)
    }

    /// Below this, reading costs too little to matter.
    static let minimumMappedSize = 32 << 20

    #if os(Linux)
    private static func mapped(_ path: String) -> Data? {
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) >= minimumMappedSize
        else { return nil }
        _ = truncationHandler
        let size = Int(status.st_size)
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, file, 0), mapping != MAP_FAILED
        else { return nil }
        return Data(bytesNoCopy: mapping, count: size, deallocator: .custom { pointer, count in munmap(pointer, count) })
    }

    /// Installed once, before the first mapping.
    private static let truncationHandler: Void = {
        let message = Array("powerlist：正在读取的文件被另一程序截短或改写，未能读完。请在文件写完后重新运行。\n".utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: message.count)
        _ = buffer.initialize(from: message)
        truncationMessage = UnsafeBufferPointer(buffer)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            if let message = truncationMessage { _ = write(2, message.baseAddress, message.count) }
            _exit(74)
        }
        sigaction(SIGBUS, &action, nil)
    }()
    #endif
}

/// The handler's message, written before the handler is installed: a signal handler may not allocate.
private nonisolated(unsafe) var truncationMessage: UnsafeBufferPointer<UInt8>?
