import Dispatch
import Foundation

/// The site's downloads, written while the pages are rendered, each on a thread of its own: at
/// 100,000 items the three files take a fifth of the build; written first on the main thread
/// they left the pages' second core idle, and written one after another on one thread they
/// were still being written for seconds after the last page.
///
/// A publication starts them into its `SiteStaging` folder before anything else — while the
/// workspace is still read into the site's content, one core's work at 100,000 items.
public final class PendingDownloads: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    /// By download, set once by its writing thread; read only after `group` says all are done.
    private var outcomes: [Result<Site.WrittenDownload, SiteError>?]

    /// Files already written (tests, and sites without downloads).
    init(written: [Site.WrittenDownload]) {
        outcomes = written.map { .success($0) }
    }

    /// Starts writing `downloads` into `folder`'s `downloads/` folder.
    public init(writing downloads: [Site.Download], into folder: URL) {
        outcomes = Array(repeating: nil, count: downloads.count)
        for (index, download) in downloads.enumerated() {
            DispatchQueue.global().async(group: group) { [self] in
                let outcome = Result { () throws(SiteError) in try Site.writeDownload(download, into: folder) }
                lock.withLock { outcomes[index] = outcome }
            }
        }
    }

    /// Waits until the files are written; their names and sizes in the order given, or the
    /// first download's error.
    func written() throws(SiteError) -> [Site.WrittenDownload] {
        group.wait()
        return try lock.withLock { outcomes }.map { outcome throws(SiteError) in try outcome!.get() }
    }

    /// Waits until the writing thread is done, whatever came of it (before its folder is removed).
    public func wait() {
        group.wait()
    }
}
