import Catalogue

/// For each kind of finding, the rule it enforces and a one-line fix, in words a
/// non-programmer reads in a report.
public enum FindingGuide {
    public static func rule(_ code: FindingCode) -> String { entries[code]?.rule ?? "" }
    public static func fix(_ code: FindingCode) -> String { entries[code]?.fix ?? "请人工核对" }

    private static let entries: [FindingCode: (rule: String, fix: String)] = [
        .unknownCategory: ("权力类型须为本层级清单规定的类型", "改为本层级可用的权力类型，或在 categories.yaml 中补充别名"),
        .categoryNotAtLevel: ("权力类型须为本层级清单规定的类型", "改为本层级的类型，或核对单位的层级是否正确"),
        .abolishedCategory: ("非行政许可审批已于2015年取消", "重新归入行政许可、其他行政权力等现行类型"),
        .codeCategoryMismatch: ("事项编码中的类型字母须与权力类型一致", "更正事项编码或权力类型"),
        .missingBasis: ("行使权力须有法律依据（法无授权不可为）", "补充实施依据：法律法规名称和条款"),
        .basisWithoutCitation: ("实施依据须写明法律文件名称和条款", "按“【位阶】《名称》第×条”格式写明依据"),
        .notALegalInstrument: ("文书、表格和工作通知不是法律文件", "改为引用设定该权力的法律、法规或规章"),
        .insufficientBasis: ("设定权：行政许可法第十四至十七条、行政处罚法第十六条、行政强制法第十条和第十三条",
                             "补充足以设定该权力的上位依据，或取消、调整该事项"),
        .repealedInstrument: ("依据须为现行有效的法律文件", "改为引用取代它的新法及相应条款"),
        .supersededVersion: ("依据应引用现行版本", "改为引用现行版本，并核对条款序号"),
        .articleOutOfRange: ("引用的条款须在该法律文件中存在", "核对条款序号"),
        .articleRenumbered: ("修订后条款序号可能改变", "按现行版本核对条款序号"),
        .rankTagMismatch: ("位阶标记须与法律文件的实际位阶一致", "更正【】中的位阶标记"),
        .notInRegistry: ("登记表之外的文件须人工核对效力", "核对该文件是否现行有效；可在工作区 schemas/law-registry.tsv 中登记"),
        .internalBasisOnly: ("对外行政权力须有法律、法规或规章依据", "核实是否属于内部管理事项，是则移出权责清单"),
        .duplicateItem: ("同一单位不应重复列出同一事项", "删除重复的一项，或写明两者的区别"),
        .claimedByTwoUnits: ("一项权力应由一个单位行使（避免多头管理）", "明确行使单位，另一单位删除或改为配合"),
        .licenceNotListed: ("行政许可事项清单之外一律不得违法实施行政许可（国办发〔2022〕2号）",
                            "核对事项名称是否与许可事项清单一致；不在清单中的应取消或改为其他类型"),
        .countMismatch: ("标明的事项数须与实际列出的一致", "核对工作表名或标题中的项数"),
    ]
}
