import Catalogue

/// Two fabricated revisions with planted changes, the same on every run (SplitMix64).
struct BenchmarkRevisions {
    let items: Int
    private var state: UInt64 = 0x5EED

    init(items: Int) { self.items = items }

    static let subjects = ["建设工程", "食品经营", "药品零售", "道路运输", "特种设备", "农药经营", "种子生产", "林木采伐",
                           "取水", "河道采砂", "统计调查", "出版物零售", "娱乐场所", "旅行社", "医疗机构", "放射诊疗",
                           "动物防疫", "生猪屠宰", "燃气经营", "城市排水", "户外广告", "民办学校", "职业培训", "劳务派遣",
                           "危险化学品", "烟花爆竹", "消防安全", "人防工程", "文物保护", "测绘资质"]
    static let actions = ["许可", "审批", "备案", "登记", "核发", "检查", "验收", "认定", "监督检查", "年度检验"]
    static let violations = ["未经许可擅自", "超范围", "伪造变造", "拒不配合", "逾期未", "违规"]
    static let categories = ["行政许可", "行政处罚", "行政检查", "行政确认", "其他行政权力"]
    static let laws = ["统计法", "食品安全法", "药品管理法", "道路运输条例", "特种设备安全法", "农药管理条例",
                       "种子法", "森林法", "水法", "城乡规划法"]

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    /// A name unique to `index`: a subject, a serial in words, an action or a violation.
    func name(_ index: Int) -> String {
        let subject = Self.subjects[index % Self.subjects.count]
        let place = Self.chineseNumber(index / Self.subjects.count)
        if index % 3 == 0 {
            return "对\(Self.violations[index % Self.violations.count])从事\(subject)第\(place)类活动的行政处罚"
        }
        return "\(subject)第\(place)类\(Self.actions[index % Self.actions.count])"
    }

    static func chineseNumber(_ value: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        return String(String(value).map { digits[Int(String($0))!] })
    }

    func item(_ name: String, unit: Int, category: String, serial: Int, sub: String? = nil, basis: String,
              law: Int) -> PowerItem {
        let unitName = unit < 200 ? "克拉玛依市第\(Self.chineseNumber(unit))局" : "第\(Self.chineseNumber(unit))镇"
        let admin = AdminUnit(name: unitName, level: unit < 200 ? Level.allCases.first { $0 != .township && $0 != .village }! : .township)
        var fields: FieldValues = [.serial: String(serial), .name: name, .category: category, .basis: basis]
        fields[.subItemName] = sub
        let raw = RawItem(unit: admin, fields: fields,
                          provenance: Provenance(file: "\(unitName).xlsx", sheet: "Sheet1", firstRow: serial + 1, lastRow: serial + 1))
        let citation = Citation(text: basis, title: Self.laws[law], articles: [ArticleReference(article: 10 + law)])
        return PowerItem(key: ItemKey(unit: unitName, name: name, subItem: sub), raw: raw, fields: fields,
                         category: CategoryRef(name: category), citations: [citation])
    }
}
