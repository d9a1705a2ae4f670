import Catalogue

/// 设定权: who may set a power of each category (行政许可法第十四条至第十七条, 行政处罚法第十六条,
/// 行政强制法第十条、第十三条), from the rules in `legal-basis.yaml`. An item is in error only when
/// every citation's rank is known and none is enough; one sufficient citation suffices, and a
/// citation of unknown rank is given the benefit of the doubt.
struct BasisSufficiencyCheck: ItemCheck {
    func check(_ item: PowerItem, in context: CheckContext) -> [Finding] {
        guard !item.citations.isEmpty, let rule = context.schemas.rules.rule(for: item) else { return [] }
        var ranks: [LegalRank] = []
        for citation in item.citations {
            guard let rank = citation.effectiveRank else { return [] }
            if rule.ranks.contains(rank) { return [] }
            ranks.append(rank)
        }
        let cited = Set(ranks).map(\.label).sorted().joined(separator: "、")
        return [item.finding(.insufficientBasis, .error,
                             "\(rule.category)事项\(item.quotedName)的依据仅为\(cited)，不足以设定该权力。\(rule.article)：\(rule.rule)",
                             field: .basis)]
    }
}
