import Foundation
import Schemas
import Yams

/// The rule licence lists enforce, as `licences.yaml` states it: which category must be
/// listed, the document that says so, and how close a name must be to count as listed.
/// Data, so the article a finding quotes is read where the other legal rules are.
public struct LicenceRule: Sendable, Equatable {
    public static let file = "licences.yaml"

    public var category: String
    /// The document that states the rule: `《国务院办公厅关于全面实行行政许可事项清单管理的通知》（国办发〔2022〕2号）`.
    public var article: String
    /// The rule in words, quoted in findings.
    public var rule: String
    /// The bigram similarity (0…1) at which a local name counts as a list entry.
    public var similarity: Double

    public init(category: String, article: String, rule: String, similarity: Double = 0.8) {
        self.category = category
        self.article = article
        self.rule = rule
        self.similarity = similarity
    }

    /// The built-in `licences.yaml`, with a workspace's own `schemas/licences.yaml` over it.
    /// - Throws: `ConfigurationError` naming the file and line of a bad entry, or the places searched.
    public static func load(workspace: URL) throws(ConfigurationError) -> LicenceRule {
        var rule = LicenceRule(category: "", article: "", rule: "")
        for url in try SchemaLoader(workspace: workspace).files(named: file) {
            try read(YAMLFile(url: url), into: &rule)
        }
        return rule
    }

    static func read(_ file: YAMLFile, into rule: inout LicenceRule) throws(ConfigurationError) {
        for (key, value) in try file.mapping(file.root, expected: "category、article、rule、similarity 的映射") {
            switch try file.text(key, expected: "配置项名") {
            case "category": rule.category = try file.text(value, expected: "权力类型")
            case "article": rule.article = try file.text(value, expected: "规定这条规则的文件")
            case "rule": rule.rule = try file.text(value, expected: "规则内容")
            case "similarity":
                guard let number = Double(try file.text(value, expected: "0～1 的数")), (0...1).contains(number) else {
                    throw file.error("similarity 应为 0～1 的数", at: value)
                }
                rule.similarity = number
            case let other:
                throw file.error("未知配置项“\(other)”。可用：category、article、rule、similarity", at: key)
            }
        }
        guard !rule.category.isEmpty, !rule.article.isEmpty, !rule.rule.isEmpty else {
            throw file.error("须有 category（权力类型）、article（依据文件）和 rule（规则内容）", at: file.root)
        }
    }
}
