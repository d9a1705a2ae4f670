import Catalogue
import Foundation
import Schemas
import Yams

/// Everything cleaning and checking read from `Catalogues/schemas/` and the workspace's own
/// `schemas/` folder: categories per level, the legal-basis rules, the law registry with its
/// aliases and successors. Loaded and validated once, at start; every error names file and line.
public struct CleanupSchemas: Sendable {
    public static let rulesFile = "legal-basis.yaml"
    public static let registryFile = "law-registry.tsv"
    public static let aliasesFile = "law-aliases.yaml"

    public var categories: CategorySchema
    public var rules: LegalBasisRules
    public var registry: LawRegistry
    /// The files these schemas were read from, nil for schemas built in code: only schemas
    /// loaded from files are recorded at import, so only they can spare a check its re-clean.
    public var fingerprint: CleanFingerprint?

    public init(categories: CategorySchema, rules: LegalBasisRules, registry: LawRegistry,
                fingerprint: CleanFingerprint? = nil) {
        self.categories = categories
        self.rules = rules
        self.registry = registry
        self.fingerprint = fingerprint
    }

    /// Built-in schemas, then the workspace's additions (found as `SchemaLoader` finds them).
    public static func load(workspace: URL) throws(ConfigurationError) -> CleanupSchemas {
        try load(from: SchemaLoader(workspace: workspace))
    }

    public static func load(from loader: SchemaLoader) throws(ConfigurationError) -> CleanupSchemas {
        let categoryFiles = try loader.files(named: SchemaLoader.categoriesFile)
        let rulesFiles = try loader.files(named: rulesFile)
        let registryFiles = try loader.files(named: registryFile)
        let aliasesFiles = try loader.files(named: aliasesFile)
        var rules = LegalBasisRules()
        for file in rulesFiles {
            rules = rules.merging(try LegalBasisRulesReader.read(try YAMLFile(url: file)))
        }
        var registry = LawRegistry()
        for file in registryFiles {
            for entry in try LawRegistryFile.read(file) { registry.add(entry) }
        }
        for file in aliasesFiles {
            try LawAliasesReader.read(try YAMLFile(url: file), into: &registry)
        }
        return CleanupSchemas(categories: try loader.loadCategorySchema(), rules: rules, registry: registry,
                              fingerprint: try CleanFingerprint(files: categoryFiles + rulesFiles + registryFiles + aliasesFiles))
    }
}

/// Reads `law-aliases.yaml`: `aliases` (alias → registry key) and `successors`
/// (repealed title → `{successor, date}`).
enum LawAliasesReader {
    static func read(_ file: YAMLFile, into registry: inout LawRegistry) throws(ConfigurationError) {
        for (key, value) in try file.mapping(file.root, expected: "aliases、successors 的映射") {
            switch try file.text(key, expected: "配置项名") {
            case "aliases":
                for (alias, target) in try file.mapping(value, expected: "“别名: 登记表中的键”的映射") {
                    let name = try file.text(target, expected: "登记表中的键")
                    guard registry.addAlias(try file.text(alias, expected: "别名"), for: name) else {
                        throw file.error("登记表中没有“\(name)”", at: target)
                    }
                }
            case "successors":
                for (repealed, entry) in try file.mapping(value, expected: "“已废止的法律: {successor, date}”的映射") {
                    registry.addSuccessor(try successor(entry, in: file), of: try file.text(repealed, expected: "已废止的法律"))
                }
            case let other:
                throw file.error("未知配置项“\(other)”。可用：aliases、successors", at: key)
            }
        }
    }

    private static func successor(_ node: Node, in file: YAMLFile) throws(ConfigurationError) -> LawRegistry.Successor {
        var title: String?
        var date = ""
        for (key, value) in try file.mapping(node, expected: "{successor: 继任法律, date: 施行日期}") {
            switch try file.text(key, expected: "属性名") {
            case "successor": title = try file.text(value, expected: "继任法律")
            case "date": date = try file.text(value, expected: "施行日期")
            case let other: throw file.error("未知属性“\(other)”。可用：successor、date", at: key)
            }
        }
        guard let title else { throw file.error("缺少 successor（继任法律）", at: node) }
        return LawRegistry.Successor(title: title, date: date)
    }
}
