/// The values every page's layout needs, merged into each page's own: where the site root is
/// from this page (`""` or `"../"`, so links work from `file://`), the title, the breadcrumbs.
/// Contexts are typed values (`TemplateValue`): the compiled templates read them without casts.
struct PageContext {
    typealias Values = TemplateObject

    let site: Values

    init(model: SiteModel, hasLogo: String?) {
        let content = model.content
        var site: Values = [
            "region": .text(content.region),
            "revision": .text(content.revision.label),
            "hasChanges": .flag(content.changes != nil),
            "internal": .flag(content.findings != nil),
            "itemCount": .number(model.itemCount),
        ]
        if let hasLogo { site["logo"] = .text(hasLogo) }
        if let date = content.revision.date { site["revisionDate"] = .text(date) }
        self.site = site
    }

    /// One page's full context. `depth` is the number of folders below the root.
    func page(title: String, depth: Int, crumbs: [(String, String)] = [], _ values: Values) -> Values {
        let root = String(repeating: "../", count: depth)
        var context = site
        context["root"] = .text(root)
        context["title"] = .text(title)
        context["crumbs"] = .list(crumbs.map { ["name": .text($0.0), "href": .text(root + $0.1)] })
        context["hasCrumbs"] = .flag(!crumbs.isEmpty)
        context.merge(values)
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
