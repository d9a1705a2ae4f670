import Catalogue

/// A basis made only of party regulations (党内法规) or internal documents, forms and notices:
/// the item may be internal management rather than an external administrative power.
struct InternalBasisCheck: ItemCheck {
    static let internalRanks: Set<LegalRank> = [.partyRegulation, .internalDocument]

    func check(_ item: PowerItem, in context: CheckContext) -> [Finding] {
        guard !item.citations.isEmpty,
              item.citations.allSatisfy({ $0.effectiveRank.map(Self.internalRanks.contains) == true }) else { return [] }
        return [item.finding(.internalBasisOnly, .info,
                             "事项\(item.quotedName)的依据只有党内法规或内部文件，可能属于内部管理事项而非对外行政权力",
                             field: .basis)]
    }
}
