import Catalogue
import Schemas

/// The category must be one of the item's level (县级 departments: the ten of the national
/// guidance; 乡镇 and 村/社区 their own lists), and not an abolished one (非行政许可审批, 2015).
struct CategoryCheck: ItemCheck {
    func check(_ item: PowerItem, in context: CheckContext) -> [Finding] {
        let categories = context.schemas.categories
        let label = CategorySchema.label(of: item.unit.level)
        guard let written = item[.category] else {
            return [item.finding(.unknownCategory, .warning, "事项\(item.quotedName)未填写权力类型", field: .category)]
        }
        guard let group = categories.group(for: item.unit.level) else {
            return [item.finding(.unknownCategory, .warning, "类型表中没有“\(label)”层级，无法核对权力类型“\(written)”", field: .category)]
        }
        // The cleaner resolved the written text in this same group (`Cleaner.resolvedCategory`,
        // once per text): only a text it could not resolve is matched against the schema again.
        if let category = item.category.flatMap({ resolved in group.categories.first { $0.reference == resolved } })
            ?? group.category(for: written) {
            guard let reason = category.abolished else { return [] }
            return [item.finding(.abolishedCategory, .warning,
                                 "权力类型“\(category.name)”已取消，请重新归类：\(reason)", field: .category)]
        }
        if let other = categories.anyLevel(written) {
            return [item.finding(.categoryNotAtLevel, .warning,
                                 "权力类型“\(other.category.name)”属于\(other.group.levels.first ?? other.group.name)清单，\(label)清单没有这一类型；可用类型：\(names(group))",
                                 field: .category)]
        }
        return [item.finding(.unknownCategory, .warning,
                             "无法识别的权力类型“\(written)”；\(label)清单可用类型：\(names(group))", field: .category)]
    }

    private func names(_ group: CategorySchema.Group) -> String {
        group.categories.filter { $0.abolished == nil }.map(\.name).joined(separator: "、")
    }
}
