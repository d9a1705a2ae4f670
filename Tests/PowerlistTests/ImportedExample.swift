import Foundation

/// One revision of the example region imported by `powerlist import` into a fresh workspace
/// and read back with `export --format json`: done once per revision for all the tests that
/// read it, since each holds thousands of items.
struct ImportedExample: Sendable {
    struct Item: Sendable {
        var unit: String
        var level: String
        var file: String
        var sheet: String
        var firstRow: Int
        var lastRow: Int
        var fields: [String: String]
        var cells: [String: String]

        /// File, sheet and item name: how the manifest names an item (whose names are written
        /// without the line breaks some lists put inside them).
        var place: [String] { [file, sheet, (fields["name"] ?? "").filter { !$0.isWhitespace }] }
    }

    var exitCode: Int32
    var stdout: String
    var stderr: String
    var items: [Item]

    private static let revision2023 = Result { try importing("2023") }
    private static let revision2024 = Result { try importing("2024") }

    static func revision(_ label: String) throws -> ImportedExample {
        try (label == "2023" ? revision2023 : revision2024).get()
    }

    private static func importing(_ label: String) throws -> ImportedExample {
        let revision = try ExampleManifest.load().revision(label)
        let workspace = try SeededWorkspace.temporaryFolder()
        let folder = ExampleManifest.folder.appendingPathComponent(revision.folder)
        let result = try PowerlistCLI.run(["import", "--workspace", workspace.path, "--revision", revision.label,
                                           "--date", revision.date, folder.path])
        let export = try PowerlistCLI.run(["export", "--workspace", workspace.path, "--revision", label, "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any]
        let items = (document?["items"] as? [[String: Any]] ?? []).map(Item.init(exported:))
        try? FileManager.default.removeItem(at: workspace)
        return ImportedExample(exitCode: result.exitCode, stdout: result.stdout,
                               stderr: result.stderr + export.stderr, items: items)
    }

    /// Items as a published list counts them: one per (file, sheet, serial, name); sub-items
    /// of one item count once, rows without a serial not at all.
    var countedItems: [Item] {
        var seen = Set<[String]>()
        return items.filter { item in
            guard let serial = item.fields["serial"], let name = item.fields["name"] else { return false }
            return seen.insert([item.file, item.sheet, serial, name]).inserted
        }
    }
}

extension ImportedExample.Item {
    init(exported item: [String: Any]) {
        let unit = item["unit"] as? [String: Any] ?? [:]
        let provenance = item["provenance"] as? [String: Any] ?? [:]
        self.init(unit: unit["name"] as? String ?? "", level: unit["level"] as? String ?? "",
                  file: provenance["file"] as? String ?? "", sheet: provenance["sheet"] as? String ?? "",
                  firstRow: provenance["firstRow"] as? Int ?? 0, lastRow: provenance["lastRow"] as? Int ?? 0,
                  fields: item["fields"] as? [String: String] ?? [:],
                  cells: provenance["cells"] as? [String: String] ?? [:])
    }
}
