import Catalogue

/// The changes since the compared revision: the summary figures as the county reports them,
/// then one section per kind of change. Items still published link to their pages; each item
/// page's history links back here.
struct ChangesPage {
    let model: SiteModel
    let context: PageContext

    func values(_ changes: SiteChanges) -> PageContext.Values {
        let published = Set(model.items.map(\.item.key))
        var sections: [(kind: String, label: String, rows: [[String: Any]])] = []
        for (number, change) in changes.changes.enumerated() {
            if let index = sections.firstIndex(where: { $0.kind == change.kind }) {
                sections[index].rows.append(row(change, number: number, published: published))
            } else {
                sections.append((change.kind, change.label, [row(change, number: number, published: published)]))
            }
        }
        let summary = changes.summary
        return context.page(title: "清单调整情况", depth: 0, crumbs: [("首页", "index.html")], [
            "compared": changes.comparedRevision,
            "oldCount": summary.oldCount,
            "newCount": summary.newCount,
            "reduction": summary.reduction,
            "summaryText": summary.text,
            "kinds": sections.map { ["kind": $0.kind, "label": $0.label, "count": $0.rows.count] },
            "sections": sections.map { ["kind": $0.kind, "label": $0.label, "count": $0.rows.count, "changes": $0.rows] },
        ])
    }

    private func row(_ change: SiteChange, number: Int, published: Set<ItemKey>) -> [String: Any] {
        func reference(_ item: SiteItemReference) -> [String: String] {
            var values = ["name": item.name, "unit": item.unit]
            if published.contains(item.key) { values["href"] = PageContext.Path.item(item.key.slug) }
            return values
        }
        var values: [String: Any] = ["anchor": "change-\(number + 1)", "old": change.old.map(reference),
                                     "new": change.new.map(reference), "hasOld": !change.old.isEmpty, "hasNew": !change.new.isEmpty]
        if let note = change.note { values["note"] = note }
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
            var row: [String: Any] = ["severity": finding.severity.label, "severityStyle": finding.severity.rawValue,
                                      "message": finding.message, "place": finding.location.description,
                                      "code": finding.code.rawValue]
            if let slug = finding.item?.slug, itemSlugs.contains(slug) { row["href"] = PageContext.Path.item(slug) }
            return row
        }
        return context.page(title: "问题清单（内部）", depth: 0, crumbs: [("首页", "index.html")], ["findings": rows, "count": rows.count])
    }
}
