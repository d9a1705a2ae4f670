import Catalogue
@testable import Publisher

/// A larger generated catalogue (deterministic), for the index's size limits.
enum SyntheticSite {
    static let verbs = ["对", "许可", "审批", "检查", "处罚", "登记", "备案", "征收", "奖励", "确认"]
    static let objects = ["食品经营", "建设工程", "统计调查", "宅基地", "广告发布", "道路运输", "野生动物", "药品零售"]

    static func content(items count: Int, units: Int = 40) -> SiteContent {
        let categories = [CategoryRef(name: "行政许可", code: "XK"), CategoryRef(name: "行政处罚", code: "CF"),
                          CategoryRef(name: "行政检查", code: "JC"), CategoryRef(name: "其他行政权力", code: "QT")]
        let items = (0..<count).map { number -> SiteItem in
            let unit = AdminUnit(name: "某县第\(number % units)局", level: number % units < 30 ? .county : .township)
            let name = "\(verbs[number % verbs.count])\(objects[(number / 7) % objects.count])事项\(number)"
            let basis = "《中华人民共和国某某法\(number % 97)》第\(number % 60 + 1)条"
            let fields: FieldValues = [.serial: String(number / units + 1), .name: name, .basis: basis,
                                               .responsibilities: "受理、审查、决定、送达、监管，按照法定期限办理\(number % 13)",
                                               .accountabilityCases: "不依法履行职责的，依法追究责任"]
            let raw = RawItem(unit: unit, fields: fields, provenance: Provenance(file: "清单.xlsx", sheet: "Sheet1", firstRow: number + 3, lastRow: number + 3))
            let title = "中华人民共和国某某法\(number % 97)"
            let citation = Citation(text: basis, title: title, articles: [ArticleReference(article: number % 60 + 1)],
                                    resolution: .inForce(RegistryReference(key: title, title: title, rank: .law, versionDate: nil)))
            return SiteItem(item: PowerItem(key: ItemKey(unit: unit.name, name: name, subItem: nil), raw: raw, fields: fields,
                                            category: categories[number % categories.count], citations: [citation]))
        }
        return SiteContent(region: "测试县", revision: SiteRevision(label: "2024", date: "2024-01-01"), items: items)
    }
}
