import Foundation

/// The bytes of a report on their way to a file, written out a megabyte at a time, so that a
/// report of 800,000 findings (half a gigabyte of JSON or HTML) never exists whole in memory —
/// built whole, the JSON report of a 200,000-item check took a gigabyte on top of the check.
///
/// The bytes go to a hidden file beside the destination, renamed over it by `finish()`: a
/// report that fails halfway leaves the earlier file as it was, as an atomic write did.
/// Without a destination (`init()`) the bytes stay in memory: for small reports and tests.
///
/// ```swift
/// let stream = try ReportStream(writingTo: url)
/// try report.writeJSON(to: stream)
/// try stream.finish()
/// ```
public final class ReportStream {
    /// What has not been written out yet (everything, in memory). Not checked for overlapping
    /// access at run time: only `write` and `flush` change it, one call at a time, and the
    /// check cost a third of writing a report in tens of millions of small pieces.
    @exclusivity(unchecked) public private(set) var bytes: [UInt8] = []
    private let file: (handle: FileHandle, partial: URL, destination: URL)?
    private var finished = false
    private static let flushSize = 1 << 20

    /// A stream that keeps its bytes in `bytes`.
    public init() {
        file = nil
    }

    /// A stream into a hidden file beside `destination`, renamed over it by `finish()`.
    /// - Throws: the file system's error when the folder cannot take a new file.
    public init(writingTo destination: URL) throws {
        let partial = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).partial")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: partial.path])
        }
        file = (try FileHandle(forWritingTo: partial), partial, destination)
        bytes.reserveCapacity(Self.flushSize + 64 * 1024)
    }

    deinit {
        guard let file, !finished else { return }
        try? file.handle.close()
        try? FileManager.default.removeItem(at: file.partial)
    }

    public func write(_ text: String) throws {
        // Read in place: `withUTF8` needs a mutable copy of the string (a retain and release
        // each time), and a report is written in tens of millions of small pieces.
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
        if bytes.count >= Self.flushSize { try flush() }
    }

    /// Writes out what is buffered, closes the file and puts it in place of the destination.
    public func finish() throws {
        guard let file, !finished else { return }
        try flush()
        try file.handle.close()
        finished = true
        guard rename(file.partial.path, file.destination.path) == 0 else {
            let code = POSIXErrorCode(rawValue: errno) ?? .EIO
            try? FileManager.default.removeItem(at: file.partial)
            throw POSIXError(code)
        }
    }

    private func flush() throws {
        guard let file, !bytes.isEmpty else { return }
        try file.handle.write(contentsOf: bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
