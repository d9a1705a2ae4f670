import Foundation

/// The example region's 2024 list published with `--compare 2023` by the `powerlist` binary
/// into a temporary folder: done once for all the tests that read it (6,000 items to import).
struct PublishedExample: Sendable {
    var workspace: URL
    var site: URL
    var publish: PowerlistCLI.Result
    /// The published revision's items as `export --format json` writes them.
    var items: [[String: Any]] { (try? JSONSerialization.jsonObject(with: exported)) .flatMap { ($0 as? [String: Any])?["items"] as? [[String: Any]] } ?? [] }
    private var exported: Data

    private static let shared = Result { try publishing() }

    static func get() throws -> PublishedExample { try shared.get() }

    private static func publishing() throws -> PublishedExample {
        let manifest = try ExampleManifest.load()
        let workspace = try SeededWorkspace.temporaryFolder()
        // The config and the guidance catalogue it names.
        for name in ["powerlist.yaml", "指导目录.xlsx"] {
            try FileManager.default.copyItem(at: ExampleManifest.folder.appendingPathComponent(name), to: workspace.appendingPathComponent(name))
        }
        for label in ["2023", "2024"] {
            let revision = try manifest.revision(label)
            let imported = try PowerlistCLI.run(["import", "--workspace", workspace.path, "--revision", label, "--date", revision.date,
                                                 ExampleManifest.folder.appendingPathComponent(revision.folder).path])
            guard imported.exitCode == 0 else { throw CLIFailure(message: imported.stderr) }
        }
        let site = workspace.appendingPathComponent("site")
        let publish = try PowerlistCLI.run(["publish", "--workspace", workspace.path, "--revision", "2024", "--compare", "2023",
                                            "--out", site.path])
        let export = try PowerlistCLI.run(["export", "--workspace", workspace.path, "--revision", "2024", "--format", "json"])
        return PublishedExample(workspace: workspace, site: site, publish: publish, exported: Data(export.stdout.utf8))
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    struct CLIFailure: Error { var message: String }
}
