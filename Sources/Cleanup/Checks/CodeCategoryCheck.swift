import Catalogue

/// A power code carries its category's letters (`650200207XK01600`: XK, 行政许可); letters of
/// another category of the level (`…XK…` on a 行政处罚) mean the code or the category is wrong.
struct CodeCategoryCheck: ItemCheck {
    func check(_ item: PowerItem, in context: CheckContext) -> [Finding] {
        guard let code = item[.code], let category = item.category, let expected = category.code,
              let group = context.schemas.categories.group(for: item.unit.level) else { return [] }
        let known = Set(group.categories.compactMap(\.code))
        let letters = Self.letterRuns(code).filter(known.contains)
        guard let found = letters.first, !letters.contains(expected) else { return [] }
        let named = group.categories.first { $0.code == found }?.name ?? found
        return [item.finding(.codeCategoryMismatch, .warning,
                             "事项编码“\(code)”中的类型字母 \(found)（\(named)）与权力类型“\(category.name)”（\(expected)）不符",
                             field: .code)]
    }

    /// Runs of exactly two capital letters: `650200207XK01600` → [XK].
    static func letterRuns(_ code: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for character in code.uppercased() + "0" {
            if character.isASCII && character.isLetter {
                current.append(character)
            } else {
                if current.count == 2 { runs.append(current) }
                current = ""
            }
        }
        return runs
    }
}
