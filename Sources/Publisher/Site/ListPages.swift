import Catalogue

/// The pages that list items: the home page with its charts, one page per unit (grouped by
/// category), per category, per level, per cited instrument (grouped by article), and the
/// indexes of units and instruments.
struct ListPages {
    let model: SiteModel
    let context: PageContext

    func home() -> PageContext.Values {
        let levelBars = model.levels.map { BarChart.Bar(label: $0.name, value: model.count($0), link: PageContext.Path.level($0.slug)) }
        let categoryBars = model.categories.map { BarChart.Bar(label: $0.name, value: model.count($0), link: PageContext.Path.category($0.slug)) }
        let unitBars = model.units.map { (group: $0, count: model.count($0)) }.sorted { ($0.count, $1.group.name) > ($1.count, $0.group.name) }.prefix(15)
            .map { BarChart.Bar(label: $0.group.name, value: $0.count, link: PageContext.Path.unit($0.group.slug)) }
        var values: PageContext.Values = [
            "unitCount": model.units.count,
            "lawCount": model.laws.count,
            "levels": model.levels.map { groupRow($0, path: PageContext.Path.level, depth: 0) },
            "categories": model.categories.map { groupRow($0, path: PageContext.Path.category, depth: 0) },
            "levelChart": BarChart(title: "各层级事项数", bars: levelBars).svg,
            "categoryChart": BarChart(title: "各类型事项数", bars: categoryBars).svg,
            "unitChart": BarChart(title: "事项最多的单位", bars: Array(unitBars)).svg,
        ]
        if let changes = model.content.changes {
            values["summary"] = ["text": changes.summary.text, "compared": changes.comparedRevision]
        }
        return context.page(title: "权责清单", depth: 0, values)
    }

    func unitIndex() -> PageContext.Values {
        let levels = model.levels.map { level in
            ["name": level.name,
             "units": model.units.filter { $0.level?.label == level.name }.map { groupRow($0, path: PageContext.Path.unit, depth: 0) }] as [String: Any]
        }
        return context.page(title: "实施单位", depth: 0, crumbs: [("首页", "index.html")], ["levels": levels])
    }

    /// A unit's items grouped by category, with each category's code and count.
    func unit(_ group: SiteModel.Group) -> PageContext.Values {
        var sections: [(name: String, code: String, rows: [[String: Any]])] = []
        for index in group.members {
            let category = model.items[index].item.category
            let name = category?.name ?? SiteModel.uncategorized
            if sections.last?.name != name { sections.append((name, category?.code ?? "", [])) }
            sections[sections.count - 1].rows.append(itemRow(index))
        }
        return context.page(title: group.name, depth: 1, crumbs: [("首页", "index.html"), ("实施单位", "units.html")], [
            "level": group.level?.label ?? "",
            "levelHref": "../" + PageContext.Path.level(SiteModel.slug(group.level?.label ?? "")),
            "count": model.count(group),
            "sections": sections.map { section -> [String: Any] in
                var values: [String: Any] = ["name": section.name, "count": section.rows.count, "items": section.rows]
                if !section.code.isEmpty { values["code"] = section.code }
                return values
            },
        ])
    }

    /// A category's or a level's items, with their units.
    func members(of group: SiteModel.Group, kind: String) -> PageContext.Values {
        var values: PageContext.Values = ["kind": kind, "count": model.count(group), "items": group.members.map { itemRow($0) }]
        if let code = group.code { values["code"] = code }
        return context.page(title: group.name, depth: 1, crumbs: [("首页", "index.html")], values)
    }

    func lawIndex() -> PageContext.Values {
        let rows = model.laws.map { law -> [String: Any] in
            let (status, style) = CitationText.status(law.resolution)
            var row: [String: Any] = ["title": law.title, "href": PageContext.Path.law(law.slug),
                                      "status": status, "statusStyle": style, "count": law.itemCount]
            if let rank = law.rank { row["rank"] = rank.label }
            return row
        }
        return context.page(title: "法律依据", depth: 0, crumbs: [("首页", "index.html")], ["laws": rows])
    }

    /// Every item resting on one instrument, by article: what falls if it is amended or repealed.
    func law(_ law: LawEntry) -> PageContext.Values {
        let (status, style) = CitationText.status(law.resolution)
        let articles = law.articles.map { entry -> [String: Any] in
            ["article": entry.article.map(CitationText.article) ?? "未注明条款",
             "count": entry.members.count, "items": entry.members.map { itemRow($0) }]
        }
        var values: PageContext.Values = ["status": status, "statusStyle": style, "count": law.itemCount, "articles": articles]
        if let rank = law.rank { values["rank"] = rank.label }
        if let version = law.resolution.reference?.versionDate { values["version"] = version }
        return context.page(title: law.title, depth: 1, crumbs: [("首页", "index.html"), ("法律依据", "laws.html")], values)
    }

    /// One row of an item list, linked from a page one folder below the root.
    func itemRow(_ index: Int) -> [String: Any] {
        let item = model.items[index].item
        // Every key is set, even to "": a missing one would show the enclosing page's value.
        let row: [String: Any] = ["name": item.name, "href": "../" + PageContext.Path.item(item.key.slug),
                                  "unit": item.unit.name, "category": item.category?.name ?? SiteModel.uncategorized,
                                  "subItem": item.subItemName ?? "", "code": item.fields[.code] ?? "",
                                  "serial": item.raw.serial ?? ""]
        return row
    }

    private func groupRow(_ group: SiteModel.Group, path: (String) -> String, depth: Int) -> [String: Any] {
        var row: [String: Any] = ["name": group.name, "href": String(repeating: "../", count: depth) + path(group.slug),
                                  "count": model.count(group)]
        if let code = group.code { row["code"] = code }
        return row
    }
}
