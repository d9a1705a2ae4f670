import Catalogue
import Foundation
import Schemas

/// Everything the importer needs besides the workbook: the header synonyms and category
/// names (`Catalogues/schemas/`, overridable per workspace) and the workspace config
/// `powerlist.yaml` (region, file → unit/level mappings).
public struct ImportConfiguration: Sendable {
    /// The workspace config's file name, at the workspace root.
    public static let fileName = "powerlist.yaml"

    public var region: Region?
    public var headers: HeaderSchema
    public var categories: KnownCategories
    /// Unit and level set by hand for a file, by file name.
    public var fileMappings: [String: FileMapping]

    /// A configuration built by hand. Note that the default one knows no header synonyms and
    /// so finds no table anywhere: use `load(workspace:)` to read the schema files.
    public init(region: Region? = nil, headers: HeaderSchema = HeaderSchema(),
                categories: KnownCategories = KnownCategories(), fileMappings: [String: FileMapping] = [:]) {
        self.region = region
        self.headers = headers
        self.categories = categories
        self.fileMappings = fileMappings
    }

    public typealias FileMapping = Schemas.FileMapping

    /// The mapping for a file named as in provenance: by the exact name, else by its last
    /// path component (`2024/商务局.xlsx` finds an entry `商务局.xlsx`).
    public func mapping(forFile displayName: String) -> FileMapping? {
        if let exact = fileMappings[displayName] { return exact }
        let lastComponent = (displayName as NSString).lastPathComponent
        return fileMappings[lastComponent]
    }

    /// Loads the schemas and the workspace config of the workspace in `folder`.
    /// - Throws: `ConfigurationError` naming the file and line of a bad entry.
    public static func load(workspace folder: URL) throws -> ImportConfiguration {
        try load(workspace: folder, schemas: SchemaLoader(workspace: folder))
    }

    public static func load(workspace folder: URL, schemas: SchemaLoader) throws -> ImportConfiguration {
        var configuration = ImportConfiguration(headers: try schemas.loadHeaders(), categories: try schemas.loadCategories())
        let configFile = folder.appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: configFile.path) {
            let workspaceConfig = try WorkspaceConfig(url: configFile)
            configuration.region = workspaceConfig.region
            configuration.fileMappings = workspaceConfig.fileMappings
        }
        return configuration
    }
}
