import Foundation

/// A fresh temporary folder for the files one test writes.
struct ScratchFolder {
    let folder: URL

    init(_ prefix: String = "powerlist-test") throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Where a file named `name` goes; nothing is written.
    func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    func write(_ bytes: [UInt8], named name: String) throws -> URL {
        let file = url(name)
        try Data(bytes).write(to: file)
        return file
    }

    func write(_ text: String, named name: String) throws -> URL {
        try write(Array(text.utf8), named: name)
    }
}

/// The real published spreadsheets in ../shared/fixtures/real (never copied into the project).
enum RealWorkbookFiles {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/fixtures/real", isDirectory: true)

    static var present: Bool { FileManager.default.fileExists(atPath: folder.path) }

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
}
