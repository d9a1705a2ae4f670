import Catalogue

/// Deterministic raw items with the mess of real lists.
enum GeneratedItems {
    static let categories = ["行政许可", "行政 处罚", "行政\n强制", "行政检查", "行政确认", "其他行政权力", "行政征收", "行政奖励"]
    static let subjects = ["成品油零售企业", "建设单位", "生产经营单位", "医疗机构", "旅行社", "统计调查对象", "档案馆",
                           "人民防空工程使用单位", "食品生产者", "道路运输经营者", "民办学校", "养老机构"]
    static let matters = ["违反安全管理规定", "未按规定报送资料", "擅自变更登记事项", "拒绝接受监督检查", "未取得许可证从事经营",
                          "伪造、篡改有关数据", "未履行告知义务", "超范围经营", "逾期未改正", "未建立管理制度"]
    static let citations = [
        "【法律】《 中华人民共和国统计法》（ 1983年12 月8 日通过，根据2024年9月13日第二次修正）\n第四十四条：作为统计调查对象的国家机关、企业事业单位或者其他组织有下列行为之一的，由县级以上人民政府\n统计机构责令改正：\n（一）拒绝提供统计资料的；\n（二）提供不真实的统计资料的。",
        "【法律】《中华人民共和国行政许可法》第十二条第一款第（三）项、第（四）项：直接关系公共安全的特定活动",
        "【法规】《印刷业管理条例》（2001年8月2日国务院令第315号公布，2020年11月29日国务院令第732号修订）\n第八条：国家实行印刷经营许可制度。\n第九条、第十条第二款：企业申请从事印刷经营活动……",
        "【规章】《汽车销售管理办法》(2017年4月商务部令2017年第1号)\n第七条第二款：县级以上地方商务主管部门依据本办法进行监督管理。",
        "【规范性文件】《国务院办公厅关于加快发展流通促进商业消费的意见》（国办发〔2019〕42号）\n第十七条：扩大成品油市场准入。",
        "【法律】《中华人民共和国环境噪声污染防治法》第五十条：违反本法规定的，责令改正。",
        "【地方性法规】《新疆维吾尔自治区实施〈中华人民共和国人民防空法〉办法》（2007年9月28日通过）\n第十二条：人民防空主管部门对下列事项实施监督检查。",
        "【法律】《中华人民共和国档案法》(2020年6月20日修订)第四十二条至第四十八条：档案主管部门可以进行检查。",
        "《医疗保障基金使用监督管理条例》第二十七条：医疗保障行政部门实施监督检查，可以采取下列措施。",
    ]

    static func item(_ index: Int) -> RawItem {
        let unit = "第\(index % 300)局"
        let subject = subjects[(index / 7) % subjects.count]
        let matter = matters[(index / 84) % matters.count]
        var name = "对\(subject)\(matter)的处理\(index / 840)"
        if index % 5 == 0 { name.insert("\n", at: name.index(name.startIndex, offsetBy: 3)) }
        let basis = [citations[index % citations.count], citations[(index / 3 + 4) % citations.count]]
            .prefix(1 + index % 2).joined(separator: "\n")
        let row = 3 + index % 5000
        let fields: FieldValues = [.serial: String(index % 5000 + 1), .name: name,
                                           .category: categories[index % categories.count], .basis: basis,
                                           .code: "650200\(index % 300)XK\(index % 100000)"]
        let cells: FieldValues = [.serial: "A\(row)", .name: "B\(row)", .category: "D\(row)", .basis: "E\(row)", .code: "C\(row)"]
        let level = Level.allCases[1]
        return RawItem(unit: AdminUnit(name: unit, level: level), fields: fields,
                       provenance: Provenance(file: "\(unit).xlsx", sheet: "Sheet1", firstRow: row, lastRow: row, cells: cells))
    }
}
