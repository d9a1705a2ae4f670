import Catalogue
import Publisher

/// A deterministic catalogue of any size, shaped like a county's: ~500 units over two levels,
/// ten categories, a long legal basis citing one of 300 instruments, the usual long fields.
enum SyntheticCatalogue {
    static let verbs = ["对", "许可", "审批", "检查", "处罚", "登记", "备案", "征收", "奖励", "确认", "裁决", "给付"]
    static let objects = ["食品经营", "建设工程", "统计调查", "宅基地", "广告发布", "道路运输", "野生动物", "药品零售",
                          "林木采伐", "取水许可", "网吧经营", "特种设备", "动物防疫", "烟花爆竹", "农药经营", "排污许可"]
    static let categories = [("行政许可", "XK"), ("行政处罚", "CF"), ("行政强制", "QZ"), ("行政征收", "ZS"), ("行政给付", "JF"),
                             ("行政检查", "JC"), ("行政确认", "QR"), ("行政奖励", "JL"), ("行政裁决", "CJ"), ("其他行政权力", "QT")]

    static func content(items count: Int) -> SiteContent {
        let units = max(1, min(500, count / 200))
        let items = (0..<count).map { item($0, units: units) }
        return SiteContent(region: "基准测试县", feedback: FeedbackChannel(phone: "0990-12345", address: "人民路1号"),
                           revision: SiteRevision(label: "2024", date: "2024-06-30"), items: items)
    }

    static func item(_ number: Int, units: Int) -> SiteItem {
        let unitNumber = number % units
        let unit = AdminUnit(name: unitNumber < units * 4 / 5 ? "基准县第\(unitNumber)局" : "第\(unitNumber)镇",
                             level: unitNumber < units * 4 / 5 ? .county : .township)
        let (categoryName, code) = categories[(number / units) % categories.count]
        let name = "\(verbs[number % verbs.count])\(objects[(number / 7) % objects.count])的\(categoryName)事项（\(number)）"
        let law = "中华人民共和国某某管理法\(number % 300)"
        let article = number % 90 + 1
        let basis = "《\(law)》第\(article)条：" + String(repeating: "县级以上人民政府有关部门应当依法履行监督管理职责，", count: 4)
        let fields: FieldValues = [
            .serial: String(number / units + 1), .name: name, .category: categoryName, .basis: basis,
            .code: "650200\(String(unitNumber + 100))\(code)\(String(number % 100_000))",
            .responsibilities: "1.受理责任：公示应当提交的材料，一次性告知补正材料。2.审查责任：对申请材料进行审查。3.决定责任：作出决定。4.送达责任：送达并公开。5.事后监管责任：加强监督检查。",
            .accountabilityCases: "因不履行或不正确履行行政职责，有下列情形的，行政机关及其工作人员应承担相应责任：对符合法定条件的申请不予受理的；对不符合法定条件的申请人准予许可的。",
            .target: "公民、法人和其他组织",
            .statutoryTimeLimit: "20个工作日",
        ]
        let raw = RawItem(unit: unit, fields: fields,
                          provenance: Provenance(file: "\(unit.name).xlsx", sheet: categoryName, firstRow: number / units + 3,
                                                 lastRow: number / units + 3, cells: [.name: "C\(number / units + 3)"]))
        let citation = Citation(text: "《\(law)》第\(article)条", taggedRank: .law, title: law,
                                articles: [ArticleReference(article: article)],
                                resolution: .inForce(RegistryReference(key: law, title: law, rank: .law, versionDate: "2019-01-01")))
        let key = ItemKey(unit: unit.name, name: name, subItem: nil)
        return SiteItem(item: PowerItem(key: key, raw: raw, fields: fields, category: CategoryRef(name: categoryName, code: code),
                                        citations: [citation]),
                        history: [SiteHistoryEntry(revision: "2023", date: "2023-06-30", event: "保留")])
    }
}
