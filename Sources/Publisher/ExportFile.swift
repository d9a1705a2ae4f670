import Foundation

/// An export written to a file in pieces, so that a 100,000-item CSV or JSON is never whole
/// in memory. The file is replaced if it exists.
enum ExportFile {
    /// Creates `file`, lets `body` hand it bytes through the sink it is given, closes it.
    static func write(to file: URL, _ body: (@escaping ([UInt8]) throws -> Void) throws -> Void) throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try body { bytes in try handle.write(contentsOf: bytes) }
    }
}
