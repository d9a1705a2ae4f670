import Catalogue
import Cleanup
import Foundation
import Importer
import Sheets
import Store

/// Importing files and folders into a revision of a workspace: the `import` command, the
/// benchmarks and the tests all come through here.
///
/// ```swift
/// let job = try WorkspaceImport(workspace: workspace, revision: "2024")
/// let reports = job.run(SourceFiles(arguments: ["收件/"]).files) { index, file in print(file.displayName) }
/// ```
public struct WorkspaceImport: Sendable {
    public let workspace: Workspace
    public let revision: String
    public let importer: Importer
    public let cleanStep: CleanStep
    /// What a file may hold before it is refused as broken or hostile (Excel's maxima by default).
    public var limits = ReadLimits.excel
    /// Raw items cleaned and stored at a time (`CleanPipeline`): large enough that the cleaner's
    /// memo (citations per distinct basis, rebuilt per chunk) rarely matters, small enough to
    /// bound memory at 500,000 items — three chunks are alive at once, and since the Store's rows
    /// are prepared on a thread of their own (`ChunkPreparation`) a fourth one's pieces may wait.
    public var chunkSize = 25_000

    /// Loads the schemas (headers, categories, legal-basis rules, law registry) and the
    /// workspace config of `workspace`, once for all the files of the import.
    /// - Throws: `ConfigurationError` naming the file and line of a bad entry.
    public init(workspace: Workspace, revision: String) throws {
        let configuration = try ImportConfiguration.load(workspace: workspace.folder)
        let schemas = try CleanupSchemas.load(workspace: workspace.folder)
        self.init(workspace: workspace, revision: revision, configuration: configuration, schemas: schemas)
    }

    public init(workspace: Workspace, revision: String, configuration: ImportConfiguration, schemas: CleanupSchemas) {
        self.workspace = workspace
        self.revision = revision
        importer = Importer(configuration: configuration)
        cleanStep = CleanStep(configuration: configuration, schemas: schemas)
    }

    /// Imports each file in turn (a failure is recorded in its report and the rest go on).
    /// - Parameter progress: called before each file with its index, to show how far it is.
    public func run(_ files: [SourceFiles.File],
                    progress: (_ index: Int, _ file: SourceFiles.File) -> Void = { _, _ in }) -> [FileImportReport] {
        files.enumerated().map { index, file in
            progress(index, file)
            return run(file)
        }
    }

    public func run(_ file: SourceFiles.File) -> FileImportReport {
        FileImport(workspace: workspace, importer: importer, cleanStep: cleanStep, revision: revision, limits: limits,
                   chunkSize: chunkSize).run(file)
    }

    /// Reads a file into what the workspace would store, without storing it (for benchmarks
    /// that time the stages apart).
    public func contents(of file: SourceFiles.File) throws -> (imported: ImportedWorkbook, contents: SourceContents) {
        try FileImport(workspace: workspace, importer: importer, cleanStep: cleanStep, revision: revision, limits: limits,
                       chunkSize: chunkSize).read(file)
    }
}
