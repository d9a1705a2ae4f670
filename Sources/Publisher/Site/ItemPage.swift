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
            "name": .text(item.name),
            "unit": .text(unit.name),
            "unitHref": .text("../" + PageContext.Path.unit(SiteModel.slug(unit.name))),
            "level": .text(unit.level.label),
            "category": .text(item.category?.name ?? SiteModel.uncategorized),
            "categoryHref": .text("../" + PageContext.Path.category(SiteModel.slug(item.category?.name ?? SiteModel.uncategorized))),
            "fields": .rows(fields(item)),
            "citations": .rows(item.citations.map(citation)),
            "hasCitations": .flag(!item.citations.isEmpty),
            "source": .object(source(item.raw.provenance)),
            "history": .rows(entry.history.map { history -> TemplateObject in
                var values: TemplateObject = ["revision": .text(history.revision), "event": .text(history.event)]
                if let date = history.date { values["date"] = .text(date) }
                return values
            }),
            "hasHistory": .flag(!entry.history.isEmpty),
        ]
        if let sub = item.subItemName { values["subItem"] = .text(sub) }
        if let code = item.category?.code { values["categoryCode"] = .text(code) }
        if let code = item.fields[.code] { values["code"] = .text(code) }
        if let feedback = model.content.feedback { values["feedback"] = .object(Self.feedback(feedback)) }
        return context.page(title: title, depth: 1,
                            crumbs: [("首页", "index.html"), (unit.name, PageContext.Path.unit(SiteModel.slug(unit.name)))],
                            values)
    }

    /// The fields in the standard order, then the columns the schemas do not know.
    private func fields(_ item: PowerItem) -> [TemplateObject] {
        var rows = Self.shownFields.compactMap { field -> TemplateObject? in
            guard let value = item.fields[field] ?? item.raw.fields[field], !value.isEmpty else { return nil }
            return ["label": .text(field.label), "value": .text(value)]
        }
        rows += item.raw.extraFields.filter { !$0.value.isEmpty }.map { ["label": .text($0.header), "value": .text($0.value)] }
        return rows
    }

    private static let shownFields = ItemField.allCases.filter { $0 != .name && $0 != .subItemName }

    private func citation(_ citation: Citation) -> TemplateObject {
        let title = LawEntry.title(of: citation)
        let (status, style) = CitationText.status(citation.resolution)
        var values: TemplateObject = ["text": .text(citation.text), "status": .text(status), "statusStyle": .text(style)]
        if let title {
            values["lawTitle"] = .text(title)
            if let slug = lawSlugs[title] { values["href"] = .text("../" + PageContext.Path.law(slug)) }
        }
        if let version = citation.resolution.reference?.versionDate { values["version"] = .text(version) }
        if !citation.articles.isEmpty { values["articles"] = .text(CitationText.articles(citation.articles)) }
        if let rank = citation.rank { values["rank"] = .text(rank.label) }
        if let note = citation.note { values["note"] = .text(note) }
        return values
    }

    private func source(_ provenance: Provenance) -> TemplateObject {
        let cells = [provenance.cells[.name].map { "事项名称 \($0)" }, provenance.cells[.basis].map { "实施依据 \($0)" }]
            .compactMap { $0 }.joined(separator: "，")
        var values: TemplateObject = ["file": .text(provenance.file), "sheet": .text(provenance.sheet),
                                      "rows": .text(provenance.rowsDescription)]
        if !cells.isEmpty { values["cells"] = .text(cells) }
        return values
    }

    /// The channel, with the web form as a link only when it is an http(s) address: a
    /// `javascript:` address from a config file must never become a link.
    static func feedback(_ channel: FeedbackChannel) -> TemplateObject {
        var values: TemplateObject = [:]
        if let phone = channel.phone { values["phone"] = .text(phone) }
        if let address = channel.address { values["address"] = .text(address) }
        if let form = channel.webForm {
            let lowered = form.lowercased()
            values[lowered.hasPrefix("https://") || lowered.hasPrefix("http://") ? "webFormLink" : "webFormText"] = .text(form)
        }
        return values
    }
}
