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
        for file in files {
            let url = root.appendingPathComponent(file.path)
            do {
                try file.data.write(to: url)
            } catch {
                throw .writeFailed(url.path, error.localizedDescription)
            }
        }
    }

    /// One file in a folder that already exists.
    func write(_ path: String, _ text: String) throws(SiteError) {
        let url = root.appendingPathComponent(path)
        do {
            try Data(text.utf8).write(to: url)
        } catch {
            throw .writeFailed(url.path, error.localizedDescription)
        }
    }

    /// A download's name as a file in the site: path separators and control characters
    /// replaced, so a name can neither leave the folder nor break a link.
    static func safeFileName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map { $0 == "/" || $0 == "\\" || $0.value < 0x20 ? "_" : Character($0) })
        return cleaned.hasPrefix(".") ? "_" + cleaned : cleaned
    }
}
