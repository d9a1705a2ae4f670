import Catalogue
import Cleanup
import Dispatch
import Foundation
import Importer
import Revisions
import Schemas
import Store

/// The `diff` job: compares two revisions — labels in the workspace, or files and folders
/// read into memory (`FileRevision`, never stored) — applying the
/// reviewers' stored decisions, and stores the pairings when both sides are workspace revisions.
///
/// ```swift
/// let comparison = RevisionComparison(workspaceFolder: folder, old: "2023", new: "2024")
/// let result = try comparison.run()
/// print(result.summary.total.reduction)          // 精简…项，削减…%
/// ```
public struct RevisionComparison: Sendable {
    /// One side as the user named it.
    public enum Side: Sendable, Equatable {
        case revision(String)
        case files(String)
    }

    public struct Result: Sendable {
        public var changeSet: ChangeSet
        public var summary: ChangeSummary
        /// The figures of each summary group (`Catalogues/schemas/summary-groups.yaml`).
        public var groups: [(group: SummaryGroup, counts: ChangeSummary.Counts)]
        /// Whether the pairings were stored in the workspace (both sides are its revisions).
        public var stored: Bool

        /// A group's figures by its name (`审批事项`).
        public func counts(ofGroup name: String) -> ChangeSummary.Counts? {
            groups.first { $0.group.name == name }?.counts
        }
    }

    public var workspaceFolder: URL
    public var old: String
    public var new: String
    /// Whether two sides given as files set aside their identical items before cleaning
    /// (`IdenticalPairs`); the result is the same either way. Off with the environment
    /// variable `POWERLIST_DIFF_FULL` set, to check that on real files.
    public var setsAsideIdentical = ProcessInfo.processInfo.environment["POWERLIST_DIFF_FULL"] == nil

    public init(workspaceFolder: URL, old: String, new: String) {
        self.workspaceFolder = workspaceFolder.standardizedFileURL
        self.old = old
        self.new = new
    }

    /// The user's workspace, when its folder holds a database (never created here).
    private var workspace: Workspace? {
        get throws {
            let database = workspaceFolder.appendingPathComponent(Workspace.databaseFileName)
            guard FileManager.default.fileExists(atPath: database.path) else { return nil }
            return try Workspace.open(folder: workspaceFolder, create: false)
        }
    }

    /// A revision label of the workspace is a revision; else an existing file or folder is files.
    /// - Throws: `UserFacingError` when the argument names neither.
    public func side(_ argument: String) throws -> Side {
        if let workspace = try workspace, try workspace.revisions().contains(where: { $0.label == argument }) {
            return .revision(argument)
        }
        if FileManager.default.fileExists(atPath: argument) { return .files(argument) }
        let known = (try? workspace?.revisions().map(\.label)) ?? nil
        let hint = known.map { $0.isEmpty ? "" : "已有修订版：\($0.joined(separator: "、"))。" } ?? "（当前文件夹不是工作区）"
        throw ComparisonError("“\(argument)”既不是工作区中的修订版，也不是文件或文件夹。\(hint)")
    }

    public func run() throws -> Result {
        let configuration = try ImportConfiguration.load(workspace: workspaceFolder)
        let (oldSide, newSide) = (try side(old), try side(new))
        let workspace = try workspace
        let options = RevisionDiff.Options(oldLabel: old, newLabel: new, region: configuration.region,
                                           decisions: try workspace?.decisions() ?? [])
        let sides = try items(oldSide, newSide, workspace: workspace, configuration: configuration,
                              setAside: setsAsideIdentical && options.decisions.isEmpty)
        DiffTiming.lap("cleaned the rest")
        let changeSet = RevisionDiff.compare(old: sides.old, new: sides.new, options: options, settled: sides.settled)
        DiffTiming.lap("compared")
        var stored = false
        if let workspace, case .revision = oldSide, case .revision = newSide {
            try workspace.savePairings(changeSet)
            stored = true
        }
        let groups = try SchemaLoader(workspace: workspaceFolder).loadSummaryGroups()
        // Each walks all the changes on one core: the two at once.
        let (summary, counts) = Jobs.both({ changeSet.summary }, {
            groups.map { ChangeSummary.counts(of: $0, in: changeSet) }
        })
        return Result(changeSet: changeSet, summary: summary, groups: Array(zip(groups, counts)), stored: stored)
    }

    /// Both sides' clean items: a revision from the workspace, files read in memory (both at
    /// once when both are files). With `setAside`, two sides of files leave out the pairs
    /// `IdenticalPairs` finds — uncleaned, returned as `settled` changes.
    private func items(_ oldSide: Side, _ newSide: Side, workspace: Workspace?, configuration: ImportConfiguration,
                       setAside: Bool) throws -> (old: [PowerItem], new: [PowerItem], settled: [Change]) {
        // Only files need the schemas (the law registry is costly to load).
        func reader() throws -> FileRevision {
            let schemas = try CleanupSchemas.load(workspace: workspaceFolder)
            return FileRevision(importer: Importer(configuration: configuration),
                                cleanStep: CleanStep(configuration: configuration, schemas: schemas,
                                                     keepsCitationTexts: false))
        }
        func items(_ side: Side) throws -> [PowerItem] {
            switch side {
            case .revision(let label): try workspace?.powerItems(revision: label) ?? []
            case .files(let path): try reader().items(path)
            }
        }
        guard case .files(let oldPath) = oldSide, case .files(let newPath) = newSide else {
            return (try items(oldSide), try items(newSide), [])
        }
        let importer = Importer(configuration: configuration)
        let schemas = SchemasLoad()
        func fileReader() throws -> FileRevision {
            FileRevision(importer: importer, cleanStep: CleanStep(configuration: configuration, schemas: try schemas.get(),
                                                                 keepsCitationTexts: false))
        }
        if setAside, let oldFile = Self.singleFile(oldPath), let newFile = Self.singleFile(newPath) {
            schemas.start(workspace: workspaceFolder)
            if let sides = try IdenticalRecords.read(oldFile, newFile, importer: importer, limits: .excel,
                                                     cleaner: { try fileReader().cleanStep.cleaner },
                                                     region: configuration.region) {
                let reader = try fileReader()
                DiffTiming.lap("read both sides, identical records set aside")
                let (old, new) = reader.clean(sides.old, sides.new)
                return (old, new, sides.settled)
            }
        }
        var records = try FileRevision.readBoth(oldPath, newPath, importer: importer) {
            schemas.load(workspace: workspaceFolder)   // nothing when `start` began it
        }
        DiffTiming.lap("read both sides")
        let reader = try fileReader()
        guard setAside else { return (reader.clean(records.old), reader.clean(records.new), []) }
        let cleaner = reader.cleanStep.cleaner
        var (namedOld, namedNew) = (cleaner.named(records.old), cleaner.named(records.new))
        DiffTiming.lap("named")
        let pairs = IdenticalPairs(old: namedOld, new: namedNew, region: configuration.region)
        DiffTiming.lap("identical pairs")
        Discard.emptying(&namedOld)
        Discard.emptying(&namedNew)
        // Each side's raw records go as soon as its clean items are made: they are the peak.
        // They are freed on another thread while this one cleans and compares.
        let old = reader.clean(records.old, skipping: pairs.oldRecords)
        Discard.emptying(&records.old)
        let new = reader.clean(records.new, skipping: pairs.newRecords)
        Discard.emptying(&records.new)
        return (old, new, pairs.changes)
    }

    /// The one spreadsheet a path names, when it names one (a file, or a folder of one).
    private static func singleFile(_ path: String) -> SourceFiles.File? {
        let files = SourceFiles(arguments: [path]).files
        return files.count == 1 ? files[0] : nil
    }
}

/// The schemas loaded on the third thread of `FileRevision.readBoth`, or on a thread of their
/// own (`start`) while `IdenticalRecords` reads both files.
private final class SchemasLoad: @unchecked Sendable {
    private var result: Result<CleanupSchemas, ConfigurationError>?
    private let loading = DispatchGroup()

    private var started = false

    func load(workspace: URL) {
        guard !started else { return }
        result = Result { () throws(ConfigurationError) in try CleanupSchemas.load(workspace: workspace) }
    }

    func start(workspace: URL) {
        loading.enter()
        started = true
        DispatchQueue.global().async {
            self.result = Result { () throws(ConfigurationError) in try CleanupSchemas.load(workspace: workspace) }
            self.loading.leave()
        }
    }

    /// Read after `readBoth` returns, which waits for the thread that wrote it, or after `start`.
    func get() throws -> CleanupSchemas {
        loading.wait()
        return try result!.get()
    }
}

/// Why a comparison could not start, in the user's words.
public struct ComparisonError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
