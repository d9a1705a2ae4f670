import Foundation

/// The XML of one large part (a worksheet, the shared strings) on its way into the package:
/// written a megabyte at a time to a hidden file beside the workbook, then read back by the
/// zip entry, so the part never exists whole in memory. The file is removed when the value
/// goes away, whether the workbook was written or not.
final class XLSXPartFile {
    private let url: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20

    /// A new empty file beside `workbook`.
    init(beside workbook: URL) throws {
        url = workbook.deletingLastPathComponent()
            .appendingPathComponent(".\(workbook.lastPathComponent).\(UUID().uuidString).part")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forUpdating: url)
        buffer.reserveCapacity(Self.flushSize + 64 * 1024)
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }

    func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.flushSize { try flush() }
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes out what is buffered; returns the part's size in bytes.
    func finish() throws -> Int64 {
        try flush()
        return Int64(try handle.offset())
    }

    /// `count` bytes from `position`, for the zip entry's provider.
    func read(at position: Int64, count: Int) throws -> Data {
        try handle.seek(toOffset: UInt64(position))
        return try handle.read(upToCount: count) ?? Data()
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
