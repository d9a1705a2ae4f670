import Catalogue

/// The pages that list items: the home page with its charts, one page per unit (grouped by
/// category), per category, per level, per cited instrument (grouped by article), and the
/// indexes of units and instruments.
struct ListPages {
    let model: SiteModel
    let context: PageContext

    func home() -> PageContext.Values {
        let levelBars = model.levels.map { BarChart.Bar(label: $0.name, value: $0.count, link: PageContext.Path.level($0.slug)) }
        let categoryBars = model.categories.map { BarChart.Bar(label: $0.name, value: $0.count, link: PageContext.Path.category($0.slug)) }
        let unitBars = model.units.map { (group: $0, count: $0.count) }.sorted { ($0.count, $1.group.name) > ($1.count, $0.group.name) }.prefix(15)
            .map { BarChart.Bar(label: $0.group.name, value: $0.count, link: PageContext.Path.unit($0.group.slug)) }
        var values: PageContext.Values = [
            "unitCount": .number(model.units.count),
            "lawCount": .number(model.laws.count),
            "levels": .rows(model.levels.map { groupRow($0, path: PageContext.Path.level) }),
            "categories": .rows(model.categories.map { groupRow($0, path: PageContext.Path.category) }),
            "levelChart": .text(BarChart(title: "各层级事项数", bars: levelBars).svg),
            "categoryChart": .text(BarChart(title: "各类型事项数", bars: categoryBars).svg),
            "unitChart": .text(BarChart(title: "事项最多的单位", bars: Array(unitBars)).svg),
        ]
        if let changes = model.content.changes {
            values["summary"] = ["text": .text(changes.summary.text), "compared": .text(changes.comparedRevision)]
        }
        if let coverage = model.content.coverage { values["coverage"] = .object(CoverageSection.home(coverage, model: model)) }
        return context.page(title: "权责清单", depth: 0, values)
    }

    func unitIndex() -> PageContext.Values {
        let levels = model.levels.map { level -> TemplateObject in
            ["name": .text(level.name),
             "units": .rows(model.units.filter { $0.level?.label == level.name }.map { groupRow($0, path: PageContext.Path.unit) })]
        }
        return context.page(title: "实施单位", depth: 0, crumbs: [("首页", "index.html")], ["levels": .rows(levels)])
    }

    /// A unit's items grouped by category, with each category's code and count.
    func unit(_ group: SiteModel.Group) -> PageContext.Values {
        var sections: [(name: String, code: String, rows: [TemplateValue])] = []
        for index in group.members {
            let category = model.items[index].item.category
            let name = category?.name ?? SiteModel.uncategorized
            if sections.last?.name != name { sections.append((name, category?.code ?? "", [])) }
            sections[sections.count - 1].rows.append(.object(itemRow(index)))
        }
        var values: PageContext.Values = [
            "level": .text(group.level?.label ?? ""),
            "levelHref": .text("../" + PageContext.Path.level(SiteModel.slug(group.level?.label ?? ""))),
            "count": .number(group.count),
            "sections": .rows(sections.map { section -> TemplateObject in
                var values: TemplateObject = ["name": .text(section.name), "count": .number(section.rows.count), "items": .list(section.rows)]
                if !section.code.isEmpty { values["code"] = .text(section.code) }
                return values
            }),
        ]
        if let coverage = model.content.coverage, let unit = CoverageSection.unit(group.name, coverage, model: model) {
            values["coverage"] = .object(unit)
        }
        return context.page(title: group.name, depth: 1, crumbs: [("首页", "index.html"), ("实施单位", "units.html")], values)
    }

    /// A category's or a level's items, with their units.
    func members(of group: SiteModel.Group, kind: String) -> PageContext.Values {
        var values: PageContext.Values = ["kind": .text(kind), "count": .number(group.count),
                                          "items": .rows(group.members.map { itemRow($0) })]
        if let code = group.code { values["code"] = .text(code) }
        return context.page(title: group.name, depth: 1, crumbs: [("首页", "index.html")], values)
    }

    func lawIndex() -> PageContext.Values {
        let rows = model.laws.map { law -> TemplateObject in
            let (status, style) = CitationText.status(law.resolution)
            var row: TemplateObject = ["title": .text(law.title), "href": .text(PageContext.Path.law(law.slug)),
                                       "status": .text(status), "statusStyle": .text(style), "count": .number(law.itemCount)]
            if let rank = law.rank { row["rank"] = .text(rank.label) }
            return row
        }
        return context.page(title: "法律依据", depth: 0, crumbs: [("首页", "index.html")], ["laws": .rows(rows)])
    }

    /// Every item resting on one instrument, by article: what falls if it is amended or repealed.
    func law(_ law: LawEntry) -> PageContext.Values {
        let (status, style) = CitationText.status(law.resolution)
        let articles = law.articles.map { entry -> TemplateObject in
            ["article": .text(entry.article.map(CitationText.article) ?? "未注明条款"),
             "count": .number(entry.members.count), "items": .rows(entry.members.map { itemRow($0) })]
        }
        var values: PageContext.Values = ["status": .text(status), "statusStyle": .text(style), "count": .number(law.itemCount),
                                          "articles": .rows(articles)]
        if let rank = law.rank { values["rank"] = .text(rank.label) }
        if let version = law.resolution.reference?.versionDate { values["version"] = .text(version) }
        return context.page(title: law.title, depth: 1, crumbs: [("首页", "index.html"), ("法律依据", "laws.html")], values)
    }

    /// One row of an item list, linked from a page one folder below the root.
    func itemRow(_ index: Int) -> TemplateObject {
        let item = model.items[index].item
        // Every key is set, even to "": a missing one would show the enclosing page's value.
        return ["name": .text(item.name), "href": .text("../" + PageContext.Path.item(item.key.slug)),
                "unit": .text(item.unit.name), "category": .text(item.category?.name ?? SiteModel.uncategorized),
                "subItem": .text(item.subItemName ?? ""), "code": .text(item.fields[.code] ?? ""),
                "serial": .text(item.raw.serial ?? "")]
    }

    private func groupRow(_ group: SiteModel.Group, path: (String) -> String) -> TemplateObject {
        var row: TemplateObject = ["name": .text(group.name), "href": .text(path(group.slug)), "count": .number(group.count)]
        if let code = group.code { row["code"] = .text(code) }
        return row
    }
}
