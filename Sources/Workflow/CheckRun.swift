import Catalogue
import Cleanup
import Foundation
import Store

/// `powerlist check`: re-cleans a revision's stored items with today's schemas, rules and law
/// registry (so an update applies without re-importing), runs the cross-item checks
/// (duplicates, 多头) and, when `powerlist.yaml` names licence lists, the licence check
/// (国办发〔2022〕2号), and replaces the revision's earlier check findings with the result.
///
/// ```swift
/// let outcome = try CheckRun(workspace: workspace).run(revision: "2024")
/// print(outcome.counts[.error, default: 0])
/// ```
public struct CheckRun: Sendable {
    /// The findings stage a check owns: a re-check replaces these and leaves import findings.
    public static let stage = "check"

    public let workspace: Workspace
    public let cleaner: Cleaner
    public let checker: Checker

    /// Loads the built-in schemas and the workspace's own `schemas/` once.
    /// - Throws: `ConfigurationError` naming the file and line of a bad entry.
    public init(workspace: Workspace) throws {
        try self.init(workspace: workspace, schemas: CleanupSchemas.load(workspace: workspace.folder))
    }

    public init(workspace: Workspace, schemas: CleanupSchemas) {
        self.workspace = workspace
        cleaner = Cleaner(schemas: schemas)
        checker = Checker(schemas: schemas)
    }

    /// What a check found in one revision.
    public struct Outcome: Sendable {
        public var revision: String
        /// The revision's clean items after re-cleaning, in file order.
        public var items: [PowerItem]
        /// Per-item findings in item order, then the cross-item ones.
        public var findings: [Finding]
        /// Items whose clean view changed since the last import or check (a registry or rules update).
        public var recleaned: Int

        /// Findings per severity (absent: none), for the demo and the exit status.
        public var counts: [Finding.Severity: Int] {
            findings.reduce(into: [:]) { $0[$1.severity, default: 0] += 1 }
        }

        public var hasErrors: Bool { counts[.error, default: 0] > 0 }
    }

    /// Checks `revision` (the latest when nil) and stores the findings.
    /// - Throws: `StoreError.unknownRevision` (a Chinese message listing the known ones) and
    ///   database errors; nothing is stored then.
    public func run(revision: String? = nil) throws -> Outcome {
        guard let label = try revision ?? workspace.latestRevision() else {
            throw StoreError.unknownRevision("", known: [])
        }
        try workspace.requireRevision(label)
        let licences = try LicenceCheck.load(workspace: workspace.folder)
        let stored = try workspace.powerItems(matching: ItemFilter(revision: label))
        // One batch: cleaned on all cores, each distinct basis parsed once (`Cleaner.clean(_:)`).
        let (items, itemFindings) = cleaner.clean(stored.map(\.item.raw))
        var changed: [StoredPowerItem] = []
        for (record, item) in zip(stored, items) where item != record.item {
            var record = record
            record.item = item
            changed.append(record)
        }
        let findings = itemFindings + checker.check(items) + (licences?.findings(items) ?? [])
        if !changed.isEmpty { try workspace.saveClean(changed) }
        try workspace.replaceFindings(stage: Self.stage, revision: label, with: findings)
        return Outcome(revision: label, items: items, findings: findings, recleaned: changed.count)
    }
}
