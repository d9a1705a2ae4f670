import Foundation
import Store

/// `serve`: publishes the site into a preview folder, serves it on 127.0.0.1, and publishes
/// again when the workspace database, its config or its templates change (polled every second:
/// simpler than file events, and cheap for a handful of files).
public struct SitePreview: Sendable {
    public let workspaceFolder: URL
    public let options: SitePublication.Options
    public let output: URL

    public init(workspaceFolder: URL, options: SitePublication.Options, output: URL) {
        self.workspaceFolder = workspaceFolder
        self.options = options
        self.output = output
    }

    /// Publishes once; the result, or the error worded for the user.
    public func publish() throws -> SitePublication.Result {
        let workspace = try Workspace.open(folder: workspaceFolder, create: false)
        return try SitePublication(workspace: workspace, options: options).publish(to: output)
    }

    /// A fingerprint of what the site is built from: the modification dates and sizes of the
    /// database (and its write-ahead log), the config and every template file.
    public func fingerprint() -> [String] {
        let manager = FileManager.default
        var files = [Workspace.databaseFileName, Workspace.databaseFileName + "-wal", "powerlist.yaml"]
            .map { workspaceFolder.appendingPathComponent($0) }
        let templates = workspaceFolder.appendingPathComponent("templates")
        if let walker = manager.enumerator(at: templates, includingPropertiesForKeys: nil) {
            files += walker.compactMap { $0 as? URL }
        }
        return files.map { file in
            let attributes = try? manager.attributesOfItem(atPath: file.path)
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(file.path) \(date) \(attributes?[.size] as? Int ?? -1)"
        }.sorted()
    }

    /// Polls every second and calls `rebuilt` after each rebuild (with the error, if any).
    public func watch(_ rebuilt: @escaping @Sendable (Result<SitePublication.Result, Error>) -> Void) {
        Thread.detachNewThread {
            var last = fingerprint()
            while true {
                Thread.sleep(forTimeInterval: 1)
                let now = fingerprint()
                guard now != last else { continue }
                last = now
                rebuilt(Result { try publish() })
            }
        }
    }
}
