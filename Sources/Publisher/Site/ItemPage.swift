import Catalogue

/// The page of one item: every field, its sub-item, the legal basis as parsed citations with
/// the registry's status, where it came from, its history, and the feedback channel.
struct ItemPage {
    let model: SiteModel
    let context: PageContext
    let lawSlugs: [String: String]

    init(model: SiteModel, context: PageContext) {
        self.model = model
        self.context = context
        lawSlugs = Dictionary(uniqueKeysWithValues: model.laws.map { ($0.title, $0.slug) })
    }

    func values(_ entry: SiteItem) -> PageContext.Values {
        let item = entry.item
        let unit = item.unit
        let title = item.subItemName.map { "\(item.name)（\($0)）" } ?? item.name
        var values: PageContext.Values = [
            "name": item.name,
            "unit": unit.name,
            "unitHref": "../" + PageContext.Path.unit(SiteModel.slug(unit.name)),
            "level": unit.level.label,
            "category": item.category?.name ?? SiteModel.uncategorized,
            "categoryHref": "../" + PageContext.Path.category(SiteModel.slug(item.category?.name ?? SiteModel.uncategorized)),
            "fields": fields(item),
            "citations": item.citations.map(citation),
            "hasCitations": !item.citations.isEmpty,
            "source": source(item.raw.provenance),
            "history": entry.history.map { history -> [String: String] in
                var values = ["revision": history.revision, "event": history.event]
                if let date = history.date { values["date"] = date }
                return values
            },
            "hasHistory": !entry.history.isEmpty,
        ]
        if let sub = item.subItemName { values["subItem"] = sub }
        if let code = item.category?.code { values["categoryCode"] = code }
        if let code = item.fields[.code] { values["code"] = code }
        if let feedback = model.content.feedback { values["feedback"] = Self.feedback(feedback) }
        return context.page(title: title, depth: 1,
                            crumbs: [("首页", "index.html"), (unit.name, PageContext.Path.unit(SiteModel.slug(unit.name)))],
                            values)
    }

    /// The fields in the standard order, then the columns the schemas do not know.
    private func fields(_ item: PowerItem) -> [[String: String]] {
        let skipped: Set<ItemField> = [.name, .subItemName]
        var rows = ItemField.allCases.filter { !skipped.contains($0) }.compactMap { field -> [String: String]? in
            guard let value = item.fields[field] ?? item.raw.fields[field], !value.isEmpty else { return nil }
            return ["label": field.label, "value": value]
        }
        rows += item.raw.extraFields.filter { !$0.value.isEmpty }.map { ["label": $0.header, "value": $0.value] }
        return rows
    }

    private func citation(_ citation: Citation) -> [String: Any] {
        let title = LawEntry.title(of: citation)
        let (status, style) = CitationText.status(citation.resolution)
        var values: [String: Any] = [
            "text": citation.text,
            "status": status,
            "statusStyle": style,
        ]
        if let title {
            values["lawTitle"] = title
            if let slug = lawSlugs[title] { values["href"] = "../" + PageContext.Path.law(slug) }
        }
        if let version = citation.resolution.reference?.versionDate { values["version"] = version }
        if !citation.articles.isEmpty { values["articles"] = CitationText.articles(citation.articles) }
        if let rank = citation.rank { values["rank"] = rank.label }
        if let note = citation.note { values["note"] = note }
        return values
    }

    private func source(_ provenance: Provenance) -> [String: String] {
        let cells = [provenance.cells[.name].map { "事项名称 \($0)" }, provenance.cells[.basis].map { "实施依据 \($0)" }]
            .compactMap { $0 }.joined(separator: "，")
        var values = ["file": provenance.file, "sheet": provenance.sheet, "rows": provenance.rowsDescription]
        if !cells.isEmpty { values["cells"] = cells }
        return values
    }

    /// The channel, with the web form as a link only when it is an http(s) address: a
    /// `javascript:` address from a config file must never become a link.
    static func feedback(_ channel: FeedbackChannel) -> [String: String] {
        var values: [String: String] = [:]
        if let phone = channel.phone { values["phone"] = phone }
        if let address = channel.address { values["address"] = address }
        if let form = channel.webForm {
            let lowered = form.lowercased()
            values[lowered.hasPrefix("https://") || lowered.hasPrefix("http://") ? "webFormLink" : "webFormText"] = form
        }
        return values
    }
}
