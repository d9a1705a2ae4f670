import Catalogue
import Dispatch
import Foundation

/// Every page of the site, rendered and written: the item pages on all cores (they are most
/// of the work), the others in turn.
struct SitePages {
    let model: SiteModel
    let templates: SiteTemplates
    let context: PageContext
    let downloads: PendingDownloads

    init(model: SiteModel, templates: SiteTemplates, logo: String?, downloads: [Site.WrittenDownload]) {
        self.init(model: model, templates: templates, logo: logo, downloads: PendingDownloads(written: downloads))
    }

    init(model: SiteModel, templates: SiteTemplates, logo: String?, downloads: PendingDownloads) {
        self.model = model
        self.templates = templates
        self.context = PageContext(model: model, hasLogo: logo)
        self.downloads = downloads
    }

    func write(with writer: SiteWriter) throws(SiteError) -> Int {
        try writer.write(["items", "units", "categories", "levels", "laws", "search"].map { ("\($0)/.keep", Data()) })
        let others = otherPages()
        // The search index is built on its own thread while the pages are rendered.
        let indexDone = DispatchGroup()
        let indexFailure = FailureBox()
        let model = self.model
        DispatchQueue.global().async(group: indexDone) {
            for file in SearchIndex(model: model).files(model: model) {
                do throws(SiteError) { try writer.write(file.path, file.contents) } catch { indexFailure.set(error) }
            }
        }
        // The downloads page gives the files' sizes: it waits for them, after everything else.
        try writeOtherPages(others.filter { $0.kind != .downloads }, with: writer)
        PublishTiming.lap("list and law pages")
        let written = try writeItemPages(with: writer)
        PublishTiming.lap("item pages")
        indexDone.wait()
        PublishTiming.lap("search index (waited for)")
        if let error = indexFailure.error { throw error }
        _ = try downloads.written()
        PublishTiming.lap("downloads (waited for)")
        try writeOtherPages(others.filter { $0.kind == .downloads }, with: writer)
        for folder in ["items", "units", "categories", "levels", "laws", "search"] {
            try? FileManager.default.removeItem(at: writer.root.appendingPathComponent("\(folder)/.keep"))
        }
        return others.count + written
    }

    /// The other pages on all cores too: at 100,000 items there are tens of thousands of law
    /// pages, and category and level pages of thousands of rows. Each page's values are built
    /// when it is written and dropped after, never all at once.
    private func writeOtherPages(_ pages: [OtherPage], with writer: SiteWriter) throws(SiteError) {
        let failure = FailureBox()
        let templates = self.templates
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let page = pages[index]
            do throws(SiteError) {
                try writer.write(page.path, bytes: templates.render(page.kind, page.values()))
            } catch {
                failure.set(error)
            }
        }
        if let error = failure.error { throw error }
    }

    /// Item pages in parallel chunks; each worker builds its own contexts (they are not Sendable).
    /// Returns how many were written: records sharing a key share a page, and only the last
    /// one's is written — as writing them in turn would leave it; written at once on two
    /// cores, either could win, and two builds differed.
    private func writeItemPages(with writer: SiteWriter) throws(SiteError) -> Int {
        let itemPage = ItemPage(model: model, context: context)
        let anchors = ChangesPage.anchors(model.content.changes)
        let chunk = 256
        let chunks = (model.items.count + chunk - 1) / chunk
        let failure = FailureBox()
        let page = itemPage
        let items = model.items
        let templates = self.templates
        let shadowed = Self.shadowed(items)
        DispatchQueue.concurrentPerform(iterations: chunks) { number in
            for index in number * chunk..<min((number + 1) * chunk, items.count) where !shadowed.contains(index) {
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
        return items.count - shadowed.count
    }

    /// The items whose page a later item with the same key replaces.
    static func shadowed(_ items: [SiteItem]) -> Set<Int> {
        var last: [ItemKey: Int] = [:]
        for (index, entry) in items.enumerated() { last[entry.item.key] = index }
        guard last.count < items.count else { return [] }
        return Set(items.indices.filter { last[items[$0].item.key] != $0 })
    }

    /// A page other than an item's: its path, its template, and how to build its values.
    struct OtherPage: Sendable {
        let path: String
        let kind: SitePageKind
        let values: @Sendable () -> PageContext.Values
    }

    /// Every page but the items'.
    func otherPages() -> [OtherPage] {
        let lists = ListPages(model: model, context: context)
        var pages: [OtherPage] = [
            OtherPage(path: "index.html", kind: .home) { lists.home() },
            OtherPage(path: "units.html", kind: .units) { lists.unitIndex() },
            OtherPage(path: "laws.html", kind: .laws) { lists.lawIndex() },
            OtherPage(path: "search.html", kind: .search) { searchPage() },
            OtherPage(path: "downloads.html", kind: .downloads) { downloadsPage() },
        ]
        pages += model.units.map { unit in OtherPage(path: PageContext.Path.unit(unit.slug), kind: .unit) { lists.unit(unit) } }
        pages += model.categories.map { category in
            OtherPage(path: PageContext.Path.category(category.slug), kind: .category) { lists.members(of: category, kind: "权力类型") }
        }
        pages += model.levels.map { level in
            OtherPage(path: PageContext.Path.level(level.slug), kind: .level) { lists.members(of: level, kind: "层级") }
        }
        pages += model.laws.map { law in OtherPage(path: PageContext.Path.law(law.slug), kind: .law) { lists.law(law) } }
        if let changes = model.content.changes {
            pages.append(OtherPage(path: "changes.html", kind: .changes) { ChangesPage(model: model, context: context).values(changes) })
        }
        if let findings = model.content.findings {
            pages.append(OtherPage(path: "findings.html", kind: .findings) {
                FindingsPage(context: context).values(findings, itemSlugs: Set(model.items.map(\.item.key.slug)))
            })
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
        // Called once the downloads are written (`write(with:)`), so this never waits.
        let files = ((try? downloads.written()) ?? []).map { download -> TemplateObject in
            let name = download.fileName
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["?", "#", ";"])) ?? name
            return ["name": .text(name), "href": .text("downloads/" + encoded), "label": .text(download.label),
                    "size": .text(Self.size(download.size))]
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
