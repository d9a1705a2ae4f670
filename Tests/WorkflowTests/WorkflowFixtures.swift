import Catalogue
import Cleanup
import Foundation
import Importer
import Schemas
import Store
import Workflow

/// A fresh workspace with the repository's own schemas, and CSV files written into it.
struct TestWorkspace {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The published lists of `../shared/fixtures/real` (see its README).
    static let realFixtures = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/real", isDirectory: true)
    static var realFixturesPresent: Bool { FileManager.default.fileExists(atPath: realFixtures.path) }

    let folder: URL
    let workspace: Workspace

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-workflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        workspace = try Workspace.open(folder: folder)
    }

    /// The repository's schemas (not those of whatever folder the tests run in).
    var loader: SchemaLoader {
        SchemaLoader(workspace: folder, environment: [:], currentDirectory: Self.packageRoot, executableDirectory: nil)
    }

    func importJob(revision: String = "2024") throws -> WorkspaceImport {
        let configuration = try ImportConfiguration.load(workspace: folder, schemas: loader)
        return WorkspaceImport(workspace: workspace, revision: revision, configuration: configuration, schemas: try schemas())
    }

    func schemas() throws -> CleanupSchemas {
        try CleanupSchemas.load(from: loader)
    }

    /// Writes rows as a UTF-8 CSV file (cells quoted) and returns it as a file to import.
    func csv(_ name: String, _ rows: [[String]]) throws -> SourceFiles.File {
        let text = rows.map { row in
            row.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return SourceFiles.File(url: url, displayName: name)
    }

    static let header = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体"]
}
