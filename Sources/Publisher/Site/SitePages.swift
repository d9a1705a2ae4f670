import Catalogue
import Dispatch
import Foundation

/// Every page of the site, rendered and written: the item pages on all cores (they are most
/// of the work), the others in turn.
struct SitePages {
    let model: SiteModel
    let templates: SiteTemplates
    let context: PageContext
    let downloads: [Site.Download]

    init(model: SiteModel, templates: SiteTemplates, logo: String?, downloads: [Site.Download]) {
        self.model = model
        self.templates = templates
        self.context = PageContext(model: model, hasLogo: logo)
        self.downloads = downloads
    }

    func write(with writer: SiteWriter) throws(SiteError) -> Int {
        try writer.write(["items", "units", "categories", "levels", "laws", "search"].map { ("\($0)/.keep", Data()) })
        let others = otherPages()
        for (path, kind, values) in others { try writer.write(path, bytes: templates.render(kind, values)) }
        // The search index is built on its own thread while the item pages are rendered.
        let indexDone = DispatchGroup()
        let indexFailure = FailureBox()
        let model = self.model
        DispatchQueue.global().async(group: indexDone) {
            for file in SearchIndex(model: model).files(model: model) {
                do throws(SiteError) { try writer.write(file.path, file.contents) } catch { indexFailure.set(error) }
            }
        }
        try writeItemPages(with: writer)
        indexDone.wait()
        if let error = indexFailure.error { throw error }
        for folder in ["items", "units", "categories", "levels", "laws", "search"] {
            try? FileManager.default.removeItem(at: writer.root.appendingPathComponent("\(folder)/.keep"))
        }
        return others.count + model.items.count
    }

    /// Item pages in parallel chunks; each worker builds its own contexts (they are not Sendable).
    private func writeItemPages(with writer: SiteWriter) throws(SiteError) {
        let itemPage = ItemPage(model: model, context: context)
        let anchors = ChangesPage.anchors(model.content.changes)
        let chunk = 256
        let chunks = (model.items.count + chunk - 1) / chunk
        let failure = FailureBox()
        let page = itemPage
        let items = model.items
        let templates = self.templates
        DispatchQueue.concurrentPerform(iterations: chunks) { number in
            for index in number * chunk..<min((number + 1) * chunk, items.count) {
                let entry = items[index]
                var values = page.values(entry)
                if let anchor = anchors[entry.item.key] { values["changeHref"] = .text("../changes.html#" + anchor) }
                do throws(SiteError) {
                    try writer.write(PageContext.Path.item(entry.item.key.slug), bytes: templates.render(.item, values))
                } catch {
                    failure.set(error)
                }
            }
        }
        if let error = failure.error { throw error }
    }

    /// Every page but the items', as (path, template, context).
    func otherPages() -> [(String, SitePageKind, PageContext.Values)] {
        let lists = ListPages(model: model, context: context)
        var pages: [(String, SitePageKind, PageContext.Values)] = [
            ("index.html", .home, lists.home()),
            ("units.html", .units, lists.unitIndex()),
            ("laws.html", .laws, lists.lawIndex()),
            ("search.html", .search, searchPage()),
            ("downloads.html", .downloads, downloadsPage()),
        ]
        pages += model.units.map { (PageContext.Path.unit($0.slug), .unit, lists.unit($0)) }
        pages += model.categories.map { (PageContext.Path.category($0.slug), .category, lists.members(of: $0, kind: "权力类型")) }
        pages += model.levels.map { (PageContext.Path.level($0.slug), .level, lists.members(of: $0, kind: "层级")) }
        pages += model.laws.map { (PageContext.Path.law($0.slug), .law, lists.law($0)) }
        if let changes = model.content.changes {
            pages.append(("changes.html", .changes, ChangesPage(model: model, context: context).values(changes)))
        }
        if let findings = model.content.findings {
            let slugs = Set(model.items.map(\.item.key.slug))
            pages.append(("findings.html", .findings, FindingsPage(context: context).values(findings, itemSlugs: slugs)))
        }
        return pages
    }

    private func searchPage() -> PageContext.Values {
        context.page(title: "搜索", depth: 0, crumbs: [("首页", "index.html")], [
            "units": .rows(model.units.map { ["name": .text($0.name)] }),
            "categories": .rows(model.categories.map { ["name": .text($0.name)] }),
            "levels": .rows(model.levels.map { ["name": .text($0.name)] }),
        ])
    }

    private func downloadsPage() -> PageContext.Values {
        let files = downloads.map { download -> TemplateObject in
            let name = SiteWriter.safeFileName(download.fileName)
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["?", "#", ";"])) ?? name
            return ["name": .text(name), "href": .text("downloads/" + encoded), "label": .text(download.label),
                    "size": .text(Self.size(download.data.count))]
        }
        return context.page(title: "下载", depth: 0, crumbs: [("首页", "index.html")],
                            ["files": .rows(files), "hasFiles": .flag(!files.isEmpty)])
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) 字节" : bytes < 1 << 20 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}

/// The first error of the parallel item-page writers.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: SiteError?
    var error: SiteError? { lock.withLock { stored } }
    func set(_ error: SiteError) { lock.withLock { if stored == nil { stored = error } } }
}
