import Catalogue
import Foundation

extension SchemaLoader {
    public static let summaryGroupsFile = "summary-groups.yaml"

    /// The summary groups of the built-in file and the workspace's (a workspace group replaces
    /// the built-in one of its name); none when neither file exists.
    public func loadSummaryGroups() throws(ConfigurationError) -> [SummaryGroup] {
        var groups: [String: SummaryGroup] = [:]
        let files = (try? files(named: Self.summaryGroupsFile)) ?? []
        for file in files {
            for group in try Self.readSummaryGroups(file) { groups[group.name] = group }
        }
        return groups.values.sorted { $0.name < $1.name }
    }

    /// `名称: {说明: …, 类型: [...], 名称结尾: {类型: [...]}}`
    public static func readSummaryGroups(_ url: URL) throws(ConfigurationError) -> [SummaryGroup] {
        let file = try YAMLFile(url: url)
        var groups: [SummaryGroup] = []
        for (key, value) in try file.mapping(file.root, expected: "“口径名称: 定义”的映射") {
            var group = SummaryGroup(name: try file.text(key, expected: "口径名称"), categories: [])
            for (entry, content) in try file.mapping(value, expected: "说明、类型、名称结尾") {
                switch try file.text(entry, expected: "键") {
                case "说明", "definition":
                    group.definition = try file.text(content, expected: "说明文字")
                case "类型", "categories":
                    for node in try file.sequence(content, expected: "权力类型列表") {
                        group.categories.insert(try file.text(node, expected: "权力类型"))
                    }
                case "名称结尾", "nameEndings":
                    for (category, endings) in try file.mapping(content, expected: "“权力类型: 结尾词列表”的映射") {
                        var words: [String] = []
                        for node in try file.sequence(endings, expected: "结尾词列表") { words.append(try file.text(node, expected: "结尾词")) }
                        group.nameEndings[try file.text(category, expected: "权力类型")] = words
                    }
                case let other:
                    throw file.error("未知的键“\(other)”。可用：说明、类型、名称结尾", at: entry)
                }
            }
            groups.append(group)
        }
        return groups
    }
}
