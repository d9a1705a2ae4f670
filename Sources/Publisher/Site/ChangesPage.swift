import Catalogue

/// The changes since the compared revision: the summary figures as the county reports them,
/// then one section per kind of change. Items still published link to their pages; each item
/// page's history links back here.
struct ChangesPage {
    let model: SiteModel
    let context: PageContext

    func values(_ changes: SiteChanges) -> PageContext.Values {
        let published = Set(model.items.map(\.item.key))
        var sections: [(kind: String, label: String, rows: [TemplateValue])] = []
        for (number, change) in changes.changes.enumerated() {
            if let index = sections.firstIndex(where: { $0.kind == change.kind }) {
                sections[index].rows.append(.object(row(change, number: number, published: published)))
            } else {
                sections.append((change.kind, change.label, [.object(row(change, number: number, published: published))]))
            }
        }
        let summary = changes.summary
        return context.page(title: "清单调整情况", depth: 0, crumbs: [("首页", "index.html")], [
            "compared": .text(changes.comparedRevision),
            "oldCount": .number(summary.oldCount),
            "newCount": .number(summary.newCount),
            "reduction": .number(summary.reduction),
            "summaryText": .text(summary.text),
            "kinds": .rows(sections.map { ["kind": .text($0.kind), "label": .text($0.label), "count": .number($0.rows.count)] }),
            "sections": .rows(sections.map {
                ["kind": .text($0.kind), "label": .text($0.label), "count": .number($0.rows.count), "changes": .list($0.rows)]
            }),
        ])
    }

    private func row(_ change: SiteChange, number: Int, published: Set<ItemKey>) -> TemplateObject {
        func reference(_ item: SiteItemReference) -> TemplateObject {
            var values: TemplateObject = ["name": .text(item.name), "unit": .text(item.unit)]
            if published.contains(item.key) { values["href"] = .text(PageContext.Path.item(item.key.slug)) }
            return values
        }
        var values: TemplateObject = ["anchor": .text("change-\(number + 1)"), "old": .rows(change.old.map(reference)),
                                      "new": .rows(change.new.map(reference)), "hasOld": .flag(!change.old.isEmpty),
                                      "hasNew": .flag(!change.new.isEmpty)]
        if let note = change.note { values["note"] = .text(note) }
        return values
    }

    /// The anchor of each published item's change, for the link back from its page.
    static func anchors(_ changes: SiteChanges?) -> [ItemKey: String] {
        var anchors: [ItemKey: String] = [:]
        for (number, change) in (changes?.changes ?? []).enumerated() {
            for item in change.new + change.old where anchors[item.key] == nil { anchors[item.key] = "change-\(number + 1)" }
        }
        return anchors
    }
}

/// The findings page of an internal site: what a reviewer should look at, by severity.
struct FindingsPage {
    let context: PageContext

    func values(_ findings: [Finding], itemSlugs: Set<String>) -> PageContext.Values {
        let rows = findings.sorted { ($1.severity, $0.location.description) < ($0.severity, $1.location.description) }.map { finding in
            var row: TemplateObject = ["severity": .text(finding.severity.label), "severityStyle": .text(finding.severity.rawValue),
                                       "message": .text(finding.message), "place": .text(finding.location.description),
                                       "code": .text(finding.code.rawValue)]
            if let slug = finding.item?.slug, itemSlugs.contains(slug) { row["href"] = .text(PageContext.Path.item(slug)) }
            return row
        }
        return context.page(title: "问题清单（内部）", depth: 0, crumbs: [("首页", "index.html")],
                            ["findings": .rows(rows), "count": .number(rows.count)])
    }
}
