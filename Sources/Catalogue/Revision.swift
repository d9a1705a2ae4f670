import Foundation

/// A spreadsheet file as handed in and imported.
public struct Source: Codable, Hashable, Sendable {
    /// Path as given to `import`.
    public var path: String
    /// SHA-256 of the file's bytes, hex; identifies the file across re-imports.
    public var sha256: String
    /// The real format found by content (`xlsx`, `xls`, `csv`).
    public var format: String
    public var importedAt: Date

    public init(path: String, sha256: String, format: String, importedAt: Date) {
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.importedAt = importedAt
    }
}

/// One edition of the catalogue, e.g. `2024`, built from the sources imported under its label.
public struct Revision: Codable, Hashable, Sendable {
    public var label: String
    public var date: Date?
    public var sources: [Source]

    public init(label: String, date: Date? = nil, sources: [Source] = []) {
        self.label = label
        self.date = date
        self.sources = sources
    }
}
