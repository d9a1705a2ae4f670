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
        public var data: Data

        public init(fileName: String, label: String, data: Data) {
            self.fileName = fileName
            self.label = label
            self.data = data
        }
    }

    /// The marker file that tells a folder holds a site this builder wrote, and may be replaced.
    static let marker = ".powerlist-site"

    /// Renders every page into `output`, replacing a site built there before. Returns the
    /// number of HTML pages written.
    @discardableResult
    public static func build(content: SiteContent, templates: SiteTemplates, downloads: [Download] = [],
                             output: URL) throws(SiteError) -> Int {
        try prepare(output)
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
        for download in downloads { files.append(("downloads/" + SiteWriter.safeFileName(download.fileName), download.data)) }
        try writer.write(files)
        let pages = SitePages(model: SiteModel(content: content), templates: templates, logo: logo, downloads: downloads)
        let count = try pages.write(with: writer)
        try writer.write([(marker, Data("powerlist\n".utf8))])
        return count
    }

    private static func prepare(_ output: URL) throws(SiteError) {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty {
            guard entries.contains(marker) else { throw .outputNotEmpty(output.path) }
            for entry in entries {
                try? manager.removeItem(at: output.appendingPathComponent(entry))
            }
        }
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(output.path, error.localizedDescription)
        }
    }
}
