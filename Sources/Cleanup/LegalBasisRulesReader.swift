import Catalogue
import Schemas
import Yams

/// Reads `legal-basis.yaml` (`rank-tags`, `not-instruments`, `rules`), every error with its line.
enum LegalBasisRulesReader {
    static func read(_ file: YAMLFile) throws(ConfigurationError) -> LegalBasisRules {
        var rules = LegalBasisRules()
        for (key, value) in try file.mapping(file.root, expected: "rank-tags、not-instruments、rules 的映射") {
            switch try file.text(key, expected: "配置项名") {
            case "rank-tags":
                for (tag, rank) in try file.mapping(value, expected: "“标记: 位阶”的映射") {
                    rules.rankTags[try file.text(tag, expected: "位阶标记")] = try self.rank(rank, in: file)
                }
            case "not-instruments":
                rules.notInstrumentEndings = try file.sequence(value, expected: "标题结尾列表").map { node throws(ConfigurationError) in
                    try file.text(node, expected: "标题结尾")
                }
            case "rules":
                rules.rules = try file.sequence(value, expected: "规则列表").map { node throws(ConfigurationError) in
                    try rule(node, in: file)
                }
            case let other:
                throw file.error("未知配置项“\(other)”。可用：rank-tags、not-instruments、rules", at: key)
            }
        }
        return rules
    }

    private static func rule(_ node: Node, in file: YAMLFile) throws(ConfigurationError) -> LegalBasisRules.BasisRule {
        var rule = LegalBasisRules.BasisRule(category: "", ranks: [], article: "", rule: "")
        for (key, value) in try file.mapping(node, expected: "规则（category、ranks、article、rule）") {
            switch try file.text(key, expected: "属性名") {
            case "category": rule.category = try file.text(value, expected: "权力类型")
            case "when-name-contains":
                rule.whenNameContains = try file.sequence(value, expected: "名称关键词列表").map { word throws(ConfigurationError) in
                    try file.text(word, expected: "关键词")
                }
            case "ranks":
                for rank in try file.sequence(value, expected: "位阶列表") { rule.ranks.insert(try self.rank(rank, in: file)) }
            case "article": rule.article = try file.text(value, expected: "规定这条规则的法律条文")
            case "rule": rule.rule = try file.text(value, expected: "规则内容")
            case let other:
                throw file.error("未知属性“\(other)”。可用：category、when-name-contains、ranks、article、rule", at: key)
            }
        }
        guard !rule.category.isEmpty, !rule.ranks.isEmpty, !rule.article.isEmpty, !rule.rule.isEmpty else {
            throw file.error("规则须有 category（权力类型）、ranks（可设定的位阶）、article（依据条文）和 rule（规则内容）", at: node)
        }
        return rule
    }

    private static func rank(_ node: Node, in file: YAMLFile) throws(ConfigurationError) -> LegalRank {
        let text = try file.text(node, expected: "位阶")
        guard let rank = LegalRank.allCases.first(where: { $0.label == text || $0.rawValue == text }) else {
            let known = LegalRank.allCases.map(\.label).joined(separator: "、")
            throw file.error("未知位阶“\(text)”。可用：\(known)", at: node)
        }
        return rank
    }
}
