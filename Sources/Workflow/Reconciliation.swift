import Catalogue
import Cleanup
import Foundation
import Importer
import Reconcile
import Revisions
import Schemas
import Store

/// The `reconcile` job: a revision of the workspace against a guidance catalogue (a revision
/// of the workspace, or a file imported into a temporary workspace — never the user's), the
/// trace across levels, and the licence lists `powerlist.yaml` names.
///
/// ```swift
/// let job = try WorkspaceReconciliation(workspace: workspace, revision: "2023")
/// let outcome = try job.run(guidance: "指导目录.xlsx", level: .county)
/// print(outcome.figures.coverageRate)
/// ```
public struct WorkspaceReconciliation: Sendable {
    public let workspace: Workspace
    public let revision: String

    /// What a run found.
    public struct Outcome: Sendable {
        public var reconciliation: Reconciliation
        public var untraced: [LevelTrace.Untraced]
        /// Local 行政许可 items missing from the configured licence lists (empty when none is configured).
        public var licenceFindings: [Finding]
        public var figures: Figures { Figures(reconciliation) }
    }

    /// The figures the demo prints.
    public struct Figures: Sendable, Equatable {
        public var guidanceItems: Int
        public var matched: Int
        public var differs: Int
        public var missing: Int
        public var extra: Int
        /// 0…1.
        public var coverageRate: Double

        init(_ result: Reconciliation) {
            guidanceItems = result.guidanceTotal
            matched = result.count(.matched)
            differs = result.count(.differs)
            missing = result.count(.missing)
            extra = result.count(.extra)
            coverageRate = result.coverageRate
        }
    }

    /// - Parameter revision: the local revision; nil for the latest.
    /// - Throws: `StoreError.unknownRevision`, or `WorkflowError` for an empty workspace.
    public init(workspace: Workspace, revision: String? = nil) throws {
        guard let label = try revision ?? workspace.latestRevision() else {
            throw WorkflowError("工作区中还没有导入任何版本，请先用 powerlist import 导入本地清单。")
        }
        try workspace.requireRevision(label)
        self.workspace = workspace
        self.revision = label
    }

    /// - Parameters:
    ///   - guidance: a revision label of the workspace, or the path of a guidance workbook.
    ///   - compare: the earlier revision whose recorded moves must be held now; nil for the one
    ///     before this revision (none: no move is checked).
    public func run(guidance: String, level: Level? = nil, compare: String? = nil) throws -> Outcome {
        let local = try workspace.powerItems(revision: revision)
        let guide = try guidanceItems(guidance)
        let region = try WorkspaceSettings.region(of: workspace)
        var result = GuidanceMatcher.reconcile(guidance: guide, local: local,
                                               options: .init(level: level, region: region))
        let across = MoveTrace.unclaimed(try recordedMoves(compare: compare), in: local) + OtherNames.entries(local)
        result.entries += across.filter { level == nil || $0.level == level }
        return Outcome(reconciliation: result, untraced: LevelTrace.untraced(local),
                       licenceFindings: try licenceFindings(local))
    }

    /// The moves recorded at the earlier revision: the `moved` changes of the diff that produced
    /// it (its stored pairings, else the diff computed against the revision before it) and the
    /// moves its remarks announce.
    func recordedMoves(compare: String?) throws -> [MoveTrace.Move] {
        let labels = try workspace.revisions().map(\.label)
        if let compare { try workspace.requireRevision(compare) }
        guard let old = compare ?? labels.firstIndex(of: revision).flatMap({ $0 > 0 ? labels[$0 - 1] : nil }) else { return [] }
        let oldItems = try workspace.powerItems(revision: old)
        var moves = MoveTrace.statedMoves(oldItems)
        let earlier = labels.prefix { $0 != old }
        if let stored = try earlier.reversed().lazy.compactMap({ try self.workspace.pairings(old: $0, new: old) }).first {
            moves += MoveTrace.moves(in: stored)
        } else if let before = earlier.last {
            let region = try WorkspaceSettings.region(of: workspace)
            moves += MoveTrace.moves(in: RevisionDiff.compare(old: try workspace.powerItems(revision: before), new: oldItems,
                                                              options: .init(oldLabel: before, newLabel: old, region: region)))
        }
        return moves
    }

    /// The `licenceNotListed` findings of the revision against the lists in `powerlist.yaml`
    /// (`check` reports the same through `LicenceCheck`).
    public func licenceFindings(_ items: [PowerItem]? = nil) throws -> [Finding] {
        guard let check = try LicenceCheck.load(workspace: workspace.folder) else { return [] }
        return check.findings(try items ?? workspace.powerItems(revision: revision))
    }

    /// A revision of this workspace, else a file imported into a throwaway workspace.
    func guidanceItems(_ guidance: String) throws -> [PowerItem] {
        if try workspace.revisions().contains(where: { $0.label == guidance }) {
            return try workspace.powerItems(revision: guidance)
        }
        let file = URL(fileURLWithPath: guidance)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw WorkflowError("“\(guidance)”既不是工作区中的版本，也不是存在的文件。")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-guidance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scratch = try Workspace.open(folder: folder, create: true)
        let configuration = try ImportConfiguration.load(workspace: workspace.folder)
        let job = WorkspaceImport(workspace: scratch, revision: "指导目录", configuration: configuration,
                                  schemas: try CleanupSchemas.load(workspace: workspace.folder))
        let report = job.run(SourceFiles.File(url: file, displayName: file.lastPathComponent))
        let items = try scratch.powerItems(revision: "指导目录")
        guard !items.isEmpty else {
            throw WorkflowError("指导目录 \(file.lastPathComponent) 中没有读到事项\(report.failureText)。")
        }
        return items
    }
}

private extension FileImportReport {
    var failureText: String { error.map { "（\($0)）" } ?? "" }
}
