import Dispatch
import Foundation

/// The site's downloads, written on a thread of their own while the pages are rendered: at
/// 100,000 items the three files take a third of the build, and the pages' second core sat
/// idle while the main thread wrote them first.
final class PendingDownloads: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Set once by the writing thread, read only after `group` says it is done.
    private var outcome: Result<[Site.WrittenDownload], SiteError> = .success([])

    /// Files already written (tests, and sites without downloads).
    init(written: [Site.WrittenDownload]) {
        outcome = .success(written)
    }

    /// Starts writing `downloads` into `output`'s `downloads/` folder.
    init(writing downloads: [Site.Download], into output: URL) {
        guard !downloads.isEmpty else { return }
        DispatchQueue.global().async(group: group) { [self] in
            outcome = Result { () throws(SiteError) in try Site.writeDownloads(downloads, into: output) }
        }
    }

    /// Waits until the files are written; their names and sizes, or the first error.
    func written() throws(SiteError) -> [Site.WrittenDownload] {
        group.wait()
        return try outcome.get()
    }
}
