import Catalogue
import Foundation

/// Finds and reads the import schemas (`headers.yaml`, `categories.yaml`) at run time, so a
/// user can add a synonym without rebuilding.
///
/// Lookup order:
/// 1. the built-in folder `Catalogues/schemas/`: the folder named by the environment variable
///    `POWERLIST_SCHEMAS`, else the first `Catalogues/schemas` found walking up from the current
///    directory, else walking up from the executable's directory;
/// 2. then the workspace's own `schemas/` folder, whose entries are added on top (a synonym
///    listed there wins over the built-in one).
/// A schema missing from both places is an error naming every place searched.
public struct SchemaLoader {
    public static let headersFile = "headers.yaml"
    public static let categoriesFile = "categories.yaml"

    public var workspace: URL
    public var environment: [String: String]
    public var currentDirectory: URL
    public var executableDirectory: URL?

    public init(workspace: URL,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
                executableDirectory: URL? = Bundle.main.executableURL?.deletingLastPathComponent()) {
        self.workspace = workspace
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.executableDirectory = executableDirectory
    }

    public func loadHeaders() throws(ConfigurationError) -> HeaderSchema {
        var schema = HeaderSchema()
        for file in try files(named: Self.headersFile) {
            schema = schema.merging(try Self.readHeaders(file))
        }
        return schema
    }

    /// The category names any level uses, for reading categories from sheet names.
    public func loadCategories() throws(ConfigurationError) -> KnownCategories {
        try loadCategorySchema().knownCategories
    }

    /// The categories per level; a workspace group replaces the built-in group of its name.
    public func loadCategorySchema() throws(ConfigurationError) -> CategorySchema {
        var schema = CategorySchema()
        for file in try files(named: Self.categoriesFile) {
            schema = schema.merging(try Self.readCategorySchema(file))
        }
        return schema
    }

    /// The built-in file (if found) then the workspace override (if present).
    public func files(named name: String) throws(ConfigurationError) -> [URL] {
        let override = workspace.appendingPathComponent("schemas/\(name)")
        let builtIn = builtInFolder?.appendingPathComponent(name)
        let found = [builtIn, override].compactMap { $0 }.filter { FileManager.default.fileExists(atPath: $0.path) }
        guard !found.isEmpty else {
            let places = [builtIn?.path ?? "Catalogues/schemas（从当前目录和程序所在目录向上查找，均未找到）", override.path]
            throw ConfigurationError(file: name, reason: "找不到模式文件。查找过：\(places.joined(separator: "；"))。"
                                     + "可在工作区建立 schemas/\(name)，或设置环境变量 POWERLIST_SCHEMAS 指向 Catalogues/schemas 文件夹")
        }
        return found
    }

    /// The built-in `Catalogues/schemas` folder, by the lookup order above.
    public var builtInFolder: URL? {
        if let named = environment["POWERLIST_SCHEMAS"], !named.isEmpty {
            return URL(fileURLWithPath: named, isDirectory: true)
        }
        for start in [currentDirectory, executableDirectory].compactMap({ $0 }) {
            if let folder = Self.walkUp(from: start) { return folder }
        }
        return nil
    }

    private static func walkUp(from start: URL) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent("Catalogues/schemas", isDirectory: true)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// `field: [synonym, …]`, where a field is an `ItemField` key (`name`) or its label (`事项名称`).
    public static func readHeaders(_ url: URL) throws(ConfigurationError) -> HeaderSchema {
        let file = try YAMLFile(url: url)
        var schema = HeaderSchema()
        var seen: [String: (field: ItemField, line: Int?)] = [:]
        for (key, value) in try file.mapping(file.root, expected: "“字段: 同义词列表”的映射") {
            let fieldName = try file.text(key, expected: "字段名")
            guard let field = ItemField(rawValue: fieldName) ?? ItemField.allCases.first(where: { $0.label == fieldName }) else {
                let known = ItemField.allCases.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、")
                throw file.error("未知字段“\(fieldName)”。可用的字段：\(known)", at: key)
            }
            for entry in try file.sequence(value, expected: "“\(fieldName)”的同义词列表（每行 `- 表头`）") {
                let synonym = try file.text(entry, expected: "同义词")
                let normalized = HeaderText.normalize(synonym)
                if let earlier = seen[normalized], earlier.field != field {
                    let place = earlier.line.map { "第\($0)行" } ?? "前面"
                    throw file.error("表头“\(synonym)”已在\(place)归入 \(earlier.field.rawValue)，不能同时属于 \(field.rawValue)", at: entry)
                }
                seen[normalized] = (field, entry.mark?.line)
                schema.add(synonym, for: field)
            }
        }
        return schema
    }

    /// The groups of levels and their categories (see `CategorySchemaReader`).
    public static func readCategorySchema(_ url: URL) throws(ConfigurationError) -> CategorySchema {
        try CategorySchemaReader.read(try YAMLFile(url: url))
    }
}
