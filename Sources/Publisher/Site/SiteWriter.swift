import Foundation

/// Writes the site's files, creating folders once each.
struct SiteWriter: Sendable {
    let root: URL

    func write(_ files: [(path: String, data: Data)]) throws(SiteError) {
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }.filter { !$0.isEmpty })
        for folder in folders.sorted() {
            let url = root.appendingPathComponent(folder, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw .writeFailed(url.path, error.localizedDescription)
            }
        }
        for file in files { try Self.writeFile(root.appendingPathComponent(file.path).path, file.data) }
    }

    /// One file in a folder that already exists.
    func write(_ path: String, _ text: String) throws(SiteError) {
        var text = text
        let target = root.appendingPathComponent(path).path
        if let error = text.withUTF8({ Self.writeBytes(target, UnsafeRawBufferPointer($0)) }) { throw error }
    }

    /// One rendered page in a folder that already exists.
    func write(_ path: String, bytes: [UInt8]) throws(SiteError) {
        let target = root.path + "/" + path
        if let error = bytes.withUnsafeBytes({ Self.writeBytes(target, $0) }) { throw error }
    }

    /// Plain `open`/`write`/`close`: `Data.write(to:)` writes a temporary file, renames it and
    /// syncs it to disk, which made publishing 100,000 pages wait on the disk (3× slower here).
    /// A half-written site is never put in place (`SiteStaging`).
    private static func writeFile(_ path: String, _ data: Data) throws(SiteError) {
        if let error = data.withUnsafeBytes({ writeBytes(path, $0) }) { throw error }
    }

    private static func writeBytes(_ path: String, _ bytes: UnsafeRawBufferPointer) -> SiteError? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return .writeFailed(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            guard written > 0 else { return .writeFailed(path, String(cString: strerror(errno))) }
            offset += written
        }
        return nil
    }

    /// A download's name as a file in the site: path separators and control characters
    /// replaced, so a name can neither leave the folder nor break a link.
    static func safeFileName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map { $0 == "/" || $0 == "\\" || $0.value < 0x20 ? "_" : Character($0) })
        return cleaned.hasPrefix(".") ? "_" + cleaned : cleaned
    }
}
