/// The values every page's layout needs, merged into each page's own: where the site root is
/// from this page (`""` or `"../"`, so links work from `file://`), the title, the breadcrumbs.
/// Contexts are plain dictionaries: swift-mustache reads them without reflection.
struct PageContext {
    typealias Values = [String: Any]

    let site: Values

    init(model: SiteModel, hasLogo: String?) {
        let content = model.content
        var site: Values = [
            "region": content.region,
            "revision": content.revision.label,
            "hasChanges": content.changes != nil,
            "internal": content.findings != nil,
            "itemCount": model.items.lazy.map(\.item).publishedItemCount,
        ]
        if let hasLogo { site["logo"] = hasLogo }
        // Mustache treats an empty string as true: absent values are left out, never "".
        if let date = content.revision.date { site["revisionDate"] = date }
        self.site = site
    }

    /// One page's full context. `depth` is the number of folders below the root.
    func page(title: String, depth: Int, crumbs: [(String, String)] = [], _ values: Values) -> Values {
        let root = String(repeating: "../", count: depth)
        var context = site
        context["root"] = root
        context["title"] = title
        context["crumbs"] = crumbs.map { ["name": $0.0, "href": root + $0.1] }
        context["hasCrumbs"] = !crumbs.isEmpty
        context.merge(values) { _, new in new }
        return context
    }

    /// Site-root-relative paths of the pages, in one place so links and files agree.
    enum Path {
        static func item(_ slug: String) -> String { "items/\(slug).html" }
        static func unit(_ slug: String) -> String { "units/\(slug).html" }
        static func category(_ slug: String) -> String { "categories/\(slug).html" }
        static func level(_ slug: String) -> String { "levels/\(slug).html" }
        static func law(_ slug: String) -> String { "laws/\(slug).html" }
    }
}
