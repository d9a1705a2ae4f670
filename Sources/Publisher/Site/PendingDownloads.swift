import Dispatch
import Foundation

/// The site's downloads, written on a thread of their own while the pages are rendered: at
/// 100,000 items the three files take a third of the build, and the pages' second core sat
/// idle while the main thread wrote them first.
///
/// A publication starts them into its `SiteStaging` folder before anything else — while the
/// workspace is still read into the site's content, one core's work at 100,000 items.
public final class PendingDownloads: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Set once by the writing thread, read only after `group` says it is done.
    private var outcome: Result<[Site.WrittenDownload], SiteError> = .success([])

    /// Files already written (tests, and sites without downloads).
    init(written: [Site.WrittenDownload]) {
        outcome = .success(written)
    }

    /// Starts writing `downloads` into `folder`'s `downloads/` folder.
    public init(writing downloads: [Site.Download], into folder: URL) {
        guard !downloads.isEmpty else { return }
        DispatchQueue.global().async(group: group) { [self] in
            outcome = Result { () throws(SiteError) in try Site.writeDownloads(downloads, into: folder) }
        }
    }

    /// Waits until the files are written; their names and sizes, or the first error.
    func written() throws(SiteError) -> [Site.WrittenDownload] {
        group.wait()
        return try outcome.get()
    }

    /// Waits until the writing thread is done, whatever came of it (before its folder is removed).
    public func wait() {
        group.wait()
    }
}
