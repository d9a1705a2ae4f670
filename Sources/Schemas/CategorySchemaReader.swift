import Catalogue
import Yams

/// Reads `categories.yaml`: a mapping of group name → `levels` and `categories`, each
/// category a mapping (`name`, `code`, `aliases`, `abolished`) or a bare name.
enum CategorySchemaReader {
    static func read(_ file: YAMLFile) throws(ConfigurationError) -> CategorySchema {
        var groups: [CategorySchema.Group] = []
        for (key, value) in try file.mapping(file.root, expected: "“层级组: levels 与 categories”的映射") {
            let name = try file.text(key, expected: "层级组名")
            var levels: [String] = []
            var categories: [CategorySchema.Category] = []
            var exclusive = false
            for (field, content) in try file.mapping(value, expected: "层级组（levels、categories）") {
                switch try file.text(field, expected: "属性名") {
                case "levels", "层级":
                    levels = try file.sequence(content, expected: "层级列表").map { node throws(ConfigurationError) in
                        try file.text(node, expected: "层级")
                    }
                case "categories", "类型":
                    categories = try file.sequence(content, expected: "权力类型列表").map { node throws(ConfigurationError) in
                        try category(node, in: file)
                    }
                case "exclusive", "专属":
                    exclusive = try file.text(content, expected: "true 或 false") == "true"
                case let other:
                    throw file.error("未知属性“\(other)”。可用：levels（层级）、categories（类型）、exclusive（专属）", at: field)
                }
            }
            guard !levels.isEmpty else { throw file.error("层级组“\(name)”缺少 levels（层级）", at: key) }
            groups.append(CategorySchema.Group(name: name, levels: levels, categories: categories, exclusive: exclusive))
        }
        return CategorySchema(groups: groups)
    }

    private static func category(_ node: Node, in file: YAMLFile) throws(ConfigurationError) -> CategorySchema.Category {
        if node.scalar != nil { return CategorySchema.Category(name: try file.text(node, expected: "权力类型")) }
        var category = CategorySchema.Category(name: "")
        for (key, value) in try file.mapping(node, expected: "权力类型（name、code、aliases、abolished）") {
            switch try file.text(key, expected: "属性名") {
            case "name", "名称": category.name = try file.text(value, expected: "类型名称")
            case "code", "代码": category.code = try file.text(value, expected: "类型代码")
            case "aliases", "别名":
                category.aliases = try file.sequence(value, expected: "别名列表").map { alias throws(ConfigurationError) in
                    try file.text(alias, expected: "别名")
                }
            case "abolished", "已取消": category.abolished = try file.text(value, expected: "取消原因")
            case let other:
                throw file.error("未知属性“\(other)”。可用：name、code、aliases、abolished", at: key)
            }
        }
        guard !category.name.isEmpty else { throw file.error("权力类型缺少 name（名称）", at: node) }
        return category
    }
}
