/// Word pools for generated power items, combined to give realistic variety.
enum Vocabulary {
    struct Category { var name: String; var suffix: String }
    struct Law { var rank: String; var title: String; var history: String }

    static let categories = [
        Category(name: "行政许可", suffix: "许可"), Category(name: "行政处罚", suffix: "处罚"),
        Category(name: "行政强制", suffix: "行政强制"), Category(name: "行政征收", suffix: "征收"),
        Category(name: "行政给付", suffix: "给付"), Category(name: "行政检查", suffix: "检查"),
        Category(name: "行政确认", suffix: "确认"), Category(name: "行政奖励", suffix: "奖励"),
        Category(name: "行政裁决", suffix: "裁决"), Category(name: "其他行政权力", suffix: "备案"),
    ]

    private static let owners = ["成品油零售企业", "建设单位", "施工单位", "生产经营单位", "医疗机构", "旅行社",
                                 "出版物发行单位", "统计调查对象", "档案馆", "人民防空工程使用单位", "食品生产者",
                                 "道路运输经营者", "民办学校", "养老机构", "农民专业合作社", "水利工程管理单位",
                                 "互联网上网服务营业场所", "娱乐场所", "特种设备使用单位", "危险化学品经营单位"]
    private static let matters = ["违反安全管理规定", "未按规定报送资料", "擅自变更登记事项", "拒绝接受监督检查",
                                  "未取得许可证从事经营", "伪造、篡改有关数据", "未履行告知义务", "超范围经营",
                                  "逾期未改正", "未建立管理制度", "提供虚假材料", "未按规定公示信息",
                                  "擅自拆除设施", "违规收取费用", "未落实防护措施", "不按规定保存档案",
                                  "未按期办理年检", "拒不执行整改决定", "违反价格管理规定", "未按规定开展培训"]
    /// 400 subjects: every owner with every matter.
    static let subjects = owners.flatMap { owner in matters.map { "\(owner)\($0)" } }
    static let acts = ["行为", "情形", "活动", "问题", "事项", "违法行为"]
    static let duties = ["监督管理", "审批管理", "执法检查", "资格审查", "登记备案", "统计调查", "宣传引导"]
    static let units = ["克拉玛依市商务局", "克拉玛依市统计局", "克拉玛依市档案局", "克拉玛依市人民防空办公室",
                        "克拉玛依市科学技术局", "克拉玛依市医疗保障局", "克拉玛依市委宣传部", "克拉玛依市应急管理局"]
    static let offices = ["行业管理科", "综合科", "执法监督科", "政策法规科", "业务指导科", "办公室", "审批服务科"]
    static let levels = ["地州市级", "县（市、区）级", "地州市级、县（市、区）级", "乡镇（街道）级"]
    static let remarks = ["委托县（市、区）实施", "与自治区共同实施", "下放至县（市、区）", "暂停实施"]
    static let accountable = "1.具体承办人；\n2.内设机构负责人；\n3.单位法定代表人或分管领导。"

    static let laws: [Law] = {
        let ranks = ["【法律】", "【行政法规】", "【地方性法规】", "【规章】", "【国务院决定】", "【规范性文件】"]
        let titles = ["中华人民共和国行政许可法", "中华人民共和国行政处罚法", "中华人民共和国行政强制法",
                      "中华人民共和国统计法", "中华人民共和国档案法", "中华人民共和国人民防空法",
                      "中华人民共和国安全生产法", "中华人民共和国价格法", "成品油市场管理办法",
                      "新疆维吾尔自治区实施《中华人民共和国人民防空法》办法", "出版管理条例", "医疗保障基金使用监督管理条例"]
        return titles.enumerated().map { index, title in
            let year = 1983 + index * 3
            return Law(rank: ranks[index % ranks.count], title: title,
                       history: "\(year)年\(1 + index % 12)月\(8 + index)日第\(chineseNumber(5 + index))届全国人民代表大会常务委员会"
                           + "第\(chineseNumber(3 + index))次会议通过，根据\(year + 19)年修正")
        }
    }()

    static let articleTexts = phrases(count: 120, parts: 4...9, from: [
        "县级以上人民政府有关部门应当依法履行监督管理职责", "对违反本法规定的行为，由有关主管部门责令改正",
        "给予警告，可以并处一万元以上五万元以下的罚款", "情节严重的，吊销许可证件", "没收违法所得",
        "构成犯罪的，依法追究刑事责任", "有关单位和个人应当如实提供资料，不得拒绝、阻碍", "申请人应当提交下列材料",
        "行政机关应当自受理申请之日起二十日内作出决定", "对符合条件的，应当依法作出准予行政许可的书面决定",
        "监督检查时，检查人员不得少于两人，并应当出示执法证件", "对直接负责的主管人员和其他直接责任人员依法给予处分",
    ])
    static let responsibilities = phrases(count: 60, parts: 5...10, from: [
        "1.受理责任：公示应当提交的材料，一次性告知补正材料，依法受理或不予受理（不予受理应当告知理由）",
        "2.审查责任：对申请材料进行审查，提出审查意见", "3.决定责任：作出准予或者不予许可的决定，不予许可的应当告知理由",
        "4.送达责任：准予许可的制发证件，送达并信息公开", "5.事后监管责任：建立实施监督检查的运行机制和管理制度",
        "6.其他法律法规规章文件规定应履行的责任", "立案责任：对发现的违法行为予以审查，决定是否立案",
        "调查责任：全面、客观、公正地调查收集证据", "告知责任：在作出处罚决定前，告知当事人陈述、申辩和听证的权利",
        "执行责任：监督当事人在决定的期限内履行生效的处罚决定",
    ])
    static let liabilities = phrases(count: 40, parts: 3...7, from: [
        "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应的责任",
        "1.对符合法定条件的申请不予受理、不予许可或者不在法定期限内作出决定的", "2.对不符合法定条件的申请准予许可的",
        "3.在审查过程中滥用职权、玩忽职守的", "4.索取或者收受他人财物或者谋取其他利益的",
        "5.不依法履行监督职责或者监督不力，造成严重后果的", "6.违反法定程序实施行政处罚的",
        "7.其他违反法律法规规章文件规定的行为",
    ])

    /// `count` texts, each made of a run of pieces joined by `；` — varied but repetitive, as real boilerplate is.
    private static func phrases(count: Int, parts: ClosedRange<Int>, from pieces: [String]) -> [String] {
        var random = SplitMix64(seed: UInt64(pieces.count * 7919 + count))
        return (0..<count).map { _ in
            let length = parts.lowerBound + random.below(parts.count)
            return (0..<length).map { _ in random.pick(pieces) }.joined(separator: "；") + "。"
        }
    }

    /// 1 → 一, 28 → 二十八, 105 → 一百零五 (enough for article numbers).
    static func chineseNumber(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if value < 10 { return digits[value] }
        if value < 20 { return "十" + (value % 10 == 0 ? "" : digits[value % 10]) }
        if value < 100 { return digits[value / 10] + "十" + (value % 10 == 0 ? "" : digits[value % 10]) }
        let rest = value % 100
        let tail = rest == 0 ? "" : (rest < 10 ? "零" + digits[rest] : (rest < 20 ? "一" : "") + chineseNumber(rest))
        return digits[value / 100] + "百" + tail
    }
}
