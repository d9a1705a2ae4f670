import Catalogue
import Foundation
@testable import Publisher

/// A small catalogue built in code: two county departments and a township, a law cited by
/// several items, a planted hostile cell, a change set.
enum SampleSite {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let templatesFolder = packageRoot.appendingPathComponent("Templates/site")

    static let hostileName = "<script>document.title='pwned'</script>恶意事项"
    static let hostileBasis = "\"><img src=x onerror=\"document.title='pwned2'\">"
    static let hostileForm = "javascript:alert(1)"

    static let statistics = RegistryReference(key: "统计法", title: "中华人民共和国统计法", rank: .law, versionDate: "2009-06-27")
    static let licensing = RegistryReference(key: "行政许可法", title: "中华人民共和国行政许可法", rank: .law, versionDate: "2019-04-23")

    static func item(_ unit: AdminUnit, _ serial: Int, _ name: String, category: CategoryRef, basis: String,
                     citations: [Citation], sub: String? = nil, extra: FieldValues = [:]) -> SiteItem {
        var fields: FieldValues = [.serial: String(serial), .name: name, .basis: basis, .category: category.name]
        if let sub { fields[.subItemName] = sub }
        for (field, value) in extra { fields[field] = value }
        let raw = RawItem(unit: unit, fields: fields,
                          provenance: Provenance(file: "\(unit.name).xlsx", sheet: "Sheet1", firstRow: serial + 2, lastRow: serial + 2,
                                                 cells: [.name: "C\(serial + 2)", .basis: "F\(serial + 2)"]))
        let key = ItemKey(unit: unit.name, name: name, subItem: sub)
        return SiteItem(item: PowerItem(key: key, raw: raw, fields: fields, category: category, citations: citations),
                        history: [SiteHistoryEntry(revision: "2023", date: "2023-06-30", event: "保留")])
    }

    static func citation(_ reference: RegistryReference, articles: [Int], repealed: Bool = false) -> Citation {
        Citation(text: "《\(reference.title)》", taggedRank: .law, title: reference.title,
                 articles: articles.map { ArticleReference(article: $0) },
                 resolution: repealed ? .repealed(reference, successor: nil) : .inForce(reference))
    }

    static var content: SiteContent {
        let statsBureau = AdminUnit(name: "某县统计局", level: .county)
        let market = AdminUnit(name: "某县市场监督管理局", level: .county)
        let town = AdminUnit(name: "某某镇", level: .township)
        let permit = CategoryRef(name: "行政许可", code: "XK"), penalty = CategoryRef(name: "行政处罚", code: "CF")
        let check = CategoryRef(name: "行政检查", code: "JC")
        let items = [
            item(statsBureau, 1, "涉外调查机构资格认定", category: permit, basis: "《统计法》第二十六条",
                 citations: [citation(statistics, articles: [26])], extra: [.code: "650200207XK00100"]),
            item(statsBureau, 2, "对拒绝提供统计资料的处罚", category: penalty, basis: "《统计法》第四十一条；行政许可相关规定",
                 citations: [citation(statistics, articles: [41])]),
            item(statsBureau, 3, "统计执法检查", category: check, basis: "《统计法》第三十五条",
                 citations: [citation(statistics, articles: [35])]),
            item(market, 1, "食品经营许可", category: permit, basis: "《行政许可法》第十二条",
                 citations: [citation(licensing, articles: [12])], sub: "食品经营许可证核发"),
            item(market, 2, "对未取得许可从事经营的处罚", category: penalty, basis: "《行政许可法》第八十一条",
                 citations: [citation(licensing, articles: [81])]),
            item(town, 1, hostileName, category: check, basis: hostileBasis, citations: [],
                 extra: [.remarks: "javascript:alert(2)", .code: "</script><script>document.title='pwned3'</script>"]),
        ]
        let changes = SiteChanges(
            comparedRevision: "2023",
            summary: SiteChangeSummary(oldCount: 8, newCount: 6, text: "精简2项，削减25.0%"),
            changes: [
                SiteChange(kind: "abolished", label: "取消", old: [SiteItemReference(key: ItemKey(rawValue: "gone"), name: "已取消的备案", unit: "某县统计局")], new: [], note: "依据国务院决定取消"),
                SiteChange(kind: "merged", label: "合并", old: [SiteItemReference(key: ItemKey(rawValue: "a"), name: "食品流通许可", unit: "某县市场监督管理局"),
                                                               SiteItemReference(key: ItemKey(rawValue: "b"), name: "餐饮服务许可", unit: "某县市场监督管理局")],
                           new: [SiteItemReference(key: items[3].item.key, name: "食品经营许可", unit: "某县市场监督管理局")]),
            ])
        return SiteContent(region: "某某县", feedback: FeedbackChannel(phone: "0990-12345", address: "某某县人民路1号", webForm: hostileForm),
                           revision: SiteRevision(label: "2024", date: "2024-06-30"), items: items, changes: changes,
                           coverage: coverage(items))
    }

    static let hostileGuidance = "<b>统计调查项目审批</b>"

    /// A county guidance catalogue of 4 items: the statistics bureau implements 2 (one differs),
    /// the market bureau 1, and one (a hostile name) no unit implements.
    static func coverage(_ items: [SiteItem]) -> SiteCoverage {
        func guidance(_ name: String, _ category: String) -> SiteCoverage.GuidanceItem {
            SiteCoverage.GuidanceItem(name: name, category: category, level: .county)
        }
        func match(_ name: String, _ category: String, _ item: SiteItem, differs: Bool = false) -> SiteCoverage.Match {
            SiteCoverage.Match(guidance: guidance(name, category), local: item.item.key, localName: item.item.name, differs: differs)
        }
        let units = [
            SiteCoverage.Unit(unit: "某县统计局", level: .county, guidanceTotal: 4, implemented: 2, matches: [
                match("涉外调查机构资格认定", "行政许可", items[0]), match("对统计违法行为的处罚", "行政处罚", items[1], differs: true),
            ]),
            SiteCoverage.Unit(unit: "某县市场监督管理局", level: .county, guidanceTotal: 4, implemented: 1,
                              matches: [match("食品经营许可", "行政许可", items[3])]),
        ]
        return SiteCoverage(guidanceName: "某地区指导目录.xlsx", guidanceTotal: 4, implemented: 3, units: units,
                            missing: [guidance(hostileGuidance, "行政许可")])
    }

    /// Builds the sample into a fresh temporary folder.
    static func build(_ content: SiteContent = content, downloads: [Site.Download] = []) throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-site-\(UUID().uuidString)")
        try Site.build(content: content, templates: SiteTemplates(defaults: templatesFolder), downloads: downloads, output: output)
        return output
    }

    static func page(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}
