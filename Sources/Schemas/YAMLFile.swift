import Foundation
import Yams

/// A YAML file read into a node tree, so every entry can be checked and reported with
/// its file and line.
public struct YAMLFile {
    public let path: String
    public let root: Node?

    public init(url: URL) throws(ConfigurationError) {
        path = url.path
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: url.path, reason: "无法读取文件（需要 UTF-8 编码的文本）")
        }
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationError(file: url.path, line: Self.line(of: error), reason: "YAML 格式错误：\(Self.problem(of: error))")
        } catch {
            throw ConfigurationError(file: url.path, reason: "YAML 格式错误：\(error)")
        }
    }

    /// An error at `node`'s line.
    public func error(_ reason: String, at node: Node?) -> ConfigurationError {
        ConfigurationError(file: path, line: node?.mark?.line, reason: reason)
    }

    /// The entries of a mapping node, or an error naming what was expected.
    public func mapping(_ node: Node?, expected: String) throws(ConfigurationError) -> [(key: Node, value: Node)] {
        guard let node else { return [] }
        guard let mapping = node.mapping else { throw error("这里应当是\(expected)", at: node) }
        return Array(mapping)
    }

    /// The items of a sequence node (a single scalar counts as a one-item list).
    public func sequence(_ node: Node, expected: String) throws(ConfigurationError) -> [Node] {
        if let sequence = node.sequence { return Array(sequence) }
        if node.scalar != nil { return [node] }
        throw error("这里应当是\(expected)", at: node)
    }

    /// The text of a scalar node, trimmed; an error when it is not a non-empty scalar.
    public func text(_ node: Node, expected: String) throws(ConfigurationError) -> String {
        guard let scalar = node.scalar else { throw error("这里应当是\(expected)（一段文字）", at: node) }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw error("\(expected)不能为空", at: node) }
        return text
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}
