import Dispatch
import Foundation

/// The site's downloads, written on a thread of their own while the pages are rendered: at
/// 100,000 items the three files take a third of the build, and the pages' second core sat
/// idle while the main thread wrote them first.
///
/// `staged(_:beside:)` starts them before the site's folder may be touched — while the
/// workspace is still read into the site's content, one core's work at 100,000 items — in a
/// hidden folder beside the site, moved into it when the pages need them.
public final class PendingDownloads: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Set once by the writing thread, read only after `group` says it is done.
    private var outcome: Result<[Site.WrittenDownload], SiteError> = .success([])
    /// The hidden folder the files are written under, when started before the site's folder.
    private let staging: URL?

    /// Files already written (tests, and sites without downloads).
    init(written: [Site.WrittenDownload]) {
        outcome = .success(written)
        staging = nil
    }

    /// Starts writing `downloads` into `folder`'s `downloads/` folder.
    init(writing downloads: [Site.Download], into folder: URL, staging: Bool = false) {
        self.staging = staging ? folder : nil
        guard !downloads.isEmpty else { return }
        DispatchQueue.global().async(group: group) { [self] in
            outcome = Result { () throws(SiteError) in try Site.writeDownloads(downloads, into: folder) }
        }
    }

    /// Starts writing `downloads` now, beside the site to be built in `output`; nil when no
    /// folder can be made there (the build then writes them itself).
    public static func staged(_ downloads: [Site.Download], beside output: URL) -> PendingDownloads? {
        let parent = output.standardizedFileURL.deletingLastPathComponent()
        let folder = parent.appendingPathComponent(".\(output.lastPathComponent).downloads-\(UUID().uuidString)", isDirectory: true)
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return nil }
        return PendingDownloads(writing: downloads, into: folder, staging: true)
    }

    /// Waits until the files are written; their names and sizes, or the first error.
    func written() throws(SiteError) -> [Site.WrittenDownload] {
        group.wait()
        return try outcome.get()
    }

    /// Waits for the files and, when they were staged, moves them into the site at `output`.
    func delivered(into output: URL) throws(SiteError) -> [Site.WrittenDownload] {
        let files = try written()
        guard let staging, !files.isEmpty else { discard(); return files }
        let target = output.appendingPathComponent("downloads", isDirectory: true)
        do {
            try FileManager.default.moveItem(at: staging.appendingPathComponent("downloads", isDirectory: true), to: target)
        } catch {
            throw .writeFailed(target.path, error.localizedDescription)
        }
        discard()
        return files
    }

    /// Waits for the writing thread and removes the staging folder (a build that failed).
    public func discard() {
        group.wait()
        if let staging { try? FileManager.default.removeItem(at: staging) }
    }
}
