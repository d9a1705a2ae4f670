import Foundation

/// Builds the published catalogue as a static site: plain files with relative links, so it
/// works from `file://`, from a zip unpacked on an intranet and from any web server, with
/// no network access. The same content gives the same bytes.
public enum Site {
    /// A file offered on the downloads page (the CSV, XLSX and JSON that `export` writes).
    public struct Download: Sendable {
        public var fileName: String
        /// What it is, in Chinese (`Excel 表格`).
        public var label: String
        /// Writes the file at the path it is given, inside the site: a 100,000-item export is
        /// written straight to disk rather than held in memory while the pages are rendered.
        public var write: @Sendable (URL) throws -> Void

        public init(fileName: String, label: String, write: @escaping @Sendable (URL) throws -> Void) {
            self.fileName = fileName
            self.label = label
            self.write = write
        }

        public init(fileName: String, label: String, data: Data) {
            self.init(fileName: fileName, label: label) { url in try data.write(to: url) }
        }
    }

    /// A download once written: the downloads page gives its size.
    struct WrittenDownload {
        let fileName: String
        let label: String
        let size: Int
    }

    /// What a build wrote: the figures `publish` prints.
    public struct Summary: Sendable {
        /// HTML pages written.
        public let pageCount: Int
        /// Items as a published list counts them (`SiteModel.itemCount`, counted once: recounting
        /// 100,000 items after the build was a second and a half on one core at its end).
        public let itemCount: Int
    }

    /// The marker file that tells a folder holds a site this builder wrote, and may be replaced.
    static let marker = ".powerlist-site"

    /// Renders every page into `output`, replacing a site built there before. The site is built
    /// beside it and put in its place when complete (`SiteStaging`); where no folder can be made
    /// beside it, in place.
    @discardableResult
    public static func build(content: SiteContent, templates: SiteTemplates, downloads: [Download] = [],
                             output: URL) throws(SiteError) -> Summary {
        guard let staging = try SiteStaging.beside(output) else {
            try prepare(output)
            return try render(content: content, templates: templates, into: output) {
                PendingDownloads(writing: downloads, into: output)
            }
        }
        return try build(content: content, templates: templates,
                         downloads: PendingDownloads(writing: downloads, into: staging.folder), staging: staging)
    }

    /// Renders every page into `staging`'s folder, with the downloads already being written
    /// there, and puts the site in place; on failure removes the folder, and the site published
    /// before stays as it was.
    @discardableResult
    public static func build(content: SiteContent, templates: SiteTemplates, downloads: PendingDownloads,
                             staging: SiteStaging) throws(SiteError) -> Summary {
        do {
            let summary = try render(content: content, templates: templates, into: staging.folder) { downloads }
            try staging.commit()
            PublishTiming.lap("site put in place")
            return summary
        } catch {
            downloads.wait()
            staging.discard()
            throw error
        }
    }

    private static func render(content: SiteContent, templates: SiteTemplates, into output: URL,
                               downloads: () -> PendingDownloads) throws(SiteError) -> Summary {
        let writer = SiteWriter(root: output)
        var files = templates.assets.sorted { $0.key < $1.key }.map { (path: $0.key, data: $0.value) }
        var logo: String?
        if let path = content.logoPath {
            let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
            guard ["png", "jpg", "jpeg", "gif", "svg", "webp"].contains(ext) else { throw .unsupportedLogo(path) }
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
            logo = "assets/logo.\(ext)"
            files.append((logo!, data))
        }
        try writer.write(files)
        // The downloads (a 100,000-item JSON is over a gigabyte) are written on their own thread
        // while the pages are rendered, so both cores stay busy.
        let written = downloads()
        let model = SiteModel(content: content)
        PublishTiming.lap("site model")
        let pages = SitePages(model: model, templates: templates, logo: logo, downloads: written)
        let count = try pages.write(with: writer)
        try writer.write([(marker, Data("powerlist\n".utf8))])
        return Summary(pageCount: count, itemCount: model.itemCount)
    }

    /// A download written into `downloads/` under a safe name, with its size.
    static func writeDownload(_ download: Download, into output: URL) throws(SiteError) -> WrittenDownload {
        let folder = output.appendingPathComponent("downloads", isDirectory: true)
        let name = SiteWriter.safeFileName(download.fileName)
        let file = folder.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try download.write(file)
            let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
            return WrittenDownload(fileName: name, label: download.label, size: size)
        } catch {
            // Foundation's errors read well localized; ours (`XLSXWriterError`…) are worded in Chinese.
            throw .writeFailed(file.path, error is CocoaError ? error.localizedDescription : "\(error)")
        }
    }

    /// Refuses to replace anything but an absent or empty folder, or a site this builder wrote.
    static func requireReplaceable(_ output: URL) throws(SiteError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw .outputIsFile(output.path) }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        guard entries.isEmpty || entries.contains(marker) else { throw .outputNotEmpty(output.path) }
    }

    /// Empties an earlier site at `output` for a build in place.
    private static func prepare(_ output: URL) throws(SiteError) {
        try requireReplaceable(output)
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: output.path)) ?? [] {
            try? manager.removeItem(at: output.appendingPathComponent(entry))
        }
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(output.path, error.localizedDescription)
        }
    }
}
