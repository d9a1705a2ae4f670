import Catalogue

/// Every power needs a legal basis (依法行政: 法无授权不可为); a basis cell in which no
/// citation can be found is reported too, so a person reads it.
struct MissingBasisCheck: ItemCheck {
    func check(_ item: PowerItem, in context: CheckContext) -> [Finding] {
        guard let basis = item[.basis], !basis.isEmpty else {
            return [item.finding(.missingBasis, .error, "事项\(item.quotedName)没有实施依据", field: .basis)]
        }
        guard item.citations.isEmpty else { return [] }
        let excerpt = basis.count > 40 ? String(basis.prefix(40)) + "…" : basis
        return [item.finding(.basisWithoutCitation, .warning,
                             "实施依据中找不到法律文件（没有【位阶】标记或《》书名）：“\(excerpt)”", field: .basis)]
    }
}
