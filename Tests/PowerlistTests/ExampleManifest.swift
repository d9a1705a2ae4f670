import Foundation

/// `Catalogues/examples/阿克塔什县/manifest.json`, written by the example's generator: what
/// each revision holds (per level, per file) and the defects planted in it.
struct ExampleManifest: Decodable {
    struct Level: Decodable {
        var units: Int
        var items: Int
        var records: Int
        var categories: [String: Int]
    }

    struct File: Decodable {
        /// Relative to the region folder, beginning with the revision's folder: `2023/乡镇/….xlsx`.
        var path: String
        var format: String
        var layout: String
        var units: [String]
        var items: Int
        var records: Int
        var categories: [String: Int]
    }

    struct Defect: Decodable {
        var code: String
        var file: String
        var sheet: String
        var cell: String
        var field: String
        var unit: String
        var item: String
    }

    struct ApprovalGroup: Decodable {
        var items: Int
    }

    struct Revision: Decodable {
        var label: String
        var date: String
        var folder: String
        var items: Int
        var records: Int
        /// Keyed by `county`, `township`, `village`.
        var levels: [String: Level]
        var approvalGroup: ApprovalGroup
        var files: [File]
        var defects: [Defect]
    }

    struct Reduction: Decodable {
        var before: Int
        var after: Int
        var cut: Int
        var percent: Double
    }

    struct Change: Decodable {
        struct Item: Decodable {
            var unit: String
            var name: String
            var category: String
        }

        var kind: String
        var from: [Item]
        var to: [Item]
    }

    var revisions: [Revision]
    var reduction: Reduction
    var changes: [Change]

    /// The example region beside the package's other catalogues.
    static let folder = PowerlistCLI.packageRoot.appendingPathComponent("Catalogues/examples/阿克塔什县", isDirectory: true)

    static func load() throws -> ExampleManifest {
        try JSONDecoder().decode(ExampleManifest.self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
    }

    func revision(_ label: String) throws -> Revision {
        guard let revision = revisions.first(where: { $0.label == label }) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "manifest has no revision \(label)"])
        }
        return revision
    }
}

extension ExampleManifest.File {
    /// The name `import` records for this file when given its revision's folder.
    var importedName: String { String(path.drop(while: { $0 != "/" }).dropFirst()) }
}
