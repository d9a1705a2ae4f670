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
        /// The revision's items in file order. After a re-clean, the full clean items; when the
        /// stored clean values were current, the check view of `Workspace.checkItems`: key,
        /// unit, provenance of the name, name, sub-item and category — no citations.
        public var items: [PowerItem]
        /// Per-item findings in item order, then the cross-item ones.
        public var findings: [Finding]
        /// Items whose clean view changed since the last import or check (a registry or rules update).
        public var recleaned: Int
        /// Whether the items were cleaned again, or their stored clean values were current.
        public var cleaning: Cleaning

        /// Findings per severity (absent: none), for the demo and the exit status.
        public var counts: [Finding.Severity: Int] {
            findings.reduce(into: [:]) { $0[$1.severity, default: 0] += 1 }
        }

        public var hasErrors: Bool { counts[.error, default: 0] > 0 }
    }

    /// How a check came by its clean items.
    public enum Cleaning: Sendable, Equatable {
        /// Every source was cleaned with today's schemas (same `CleanFingerprint`): the stored
        /// clean values and per-item findings were kept, only the cross-item checks ran.
        case reused
        /// The schemas changed since (or were built in code): every item was cleaned again.
        case redone
    }

    /// The findings only a whole revision shows: a re-check recomputes them even when it keeps
    /// the per-item findings stored at import.
    static let crossItemCodes: Set<FindingCode> = Checker.codes.union([.licenceNotListed])

    /// Checks `revision` (the latest when nil) and stores the findings.
    /// - Throws: `StoreError.unknownRevision` (a Chinese message listing the known ones) and
    ///   database errors; nothing is stored then.
    public func run(revision: String? = nil) throws -> Outcome {
        try run(revision: revision) { $0 }
    }

    /// Checks `revision` (the latest when nil) and runs `work` with the outcome while the new
    /// findings are being stored, on another thread; `work`'s value once both are done.
    ///
    /// A 200,000-item check stores 70,000 cross-item findings — seconds of one core — and its
    /// report takes seconds more; neither needs the other, and a machine has two cores or more.
    /// - Throws: the errors of `run(revision:)` (nothing is stored then), else `work`'s.
    public func run<Value>(revision: String? = nil, whileStoring work: (Outcome) throws -> Value) throws -> Value {
        guard let label = try revision ?? workspace.latestRevision() else {
            throw StoreError.unknownRevision("", known: [])
        }
        try workspace.requireRevision(label)
        let licences = try LicenceCheck.load(workspace: workspace.folder)
        CheckTiming.lap("schemas, licence lists")
        if let fingerprint = cleaner.schemas.fingerprint,
           try workspace.sourcesCleaned(with: fingerprint.rawValue, revision: label) {
            return try keepingClean(label, licences: licences, whileStoring: work)
        }
        return try work(cleaningAgain(label, licences: licences))
    }

    /// The stored clean values are current: reads the check view of the items and the per-item
    /// findings stored at import (or by the last check), and runs the cross-item checks only —
    /// so only the cross-item findings are replaced; the per-item ones stay as stored.
    ///
    /// The database and the checks take turns on the cores: the stored findings are read while
    /// the cross-item checks run, and the cross-item findings stored while `work` runs.
    private func keepingClean<Value>(_ label: String, licences: LicenceCheck?,
                                     whileStoring work: (Outcome) throws -> Value) throws -> Value {
        let items = try workspace.checkItems(revision: label)
        CheckTiming.lap("load items (check view)")
        let stored = Box<[Finding]>([])
        let crossItem = try Jobs.alongside([{ [workspace] in
            stored.value = try workspace.findings(revision: label, stage: Self.stage, excluding: Self.crossItemCodes)
        }]) {
            crossItemFindings(items, licences: licences)
        }
        CheckTiming.lap("cross-item checks, beside reading the stored findings")
        let findings = Self.inFileOrder(stored.take(), items: items, then: crossItem)
        let outcome = Outcome(revision: label, items: items, findings: findings, recleaned: 0, cleaning: .reused)
        return try Jobs.alongside([{ [workspace] in
            try workspace.replaceFindings(stage: Self.stage, revision: label, codes: Self.crossItemCodes, with: crossItem)
            CheckTiming.lap("cross-item findings stored")
        }]) {
            try work(outcome)
        }
    }

    /// Re-cleans every item with today's schemas, saves the items whose clean view changed and
    /// records the schemas' fingerprint, so the next check can keep what this one computed.
    private func cleaningAgain(_ label: String, licences: LicenceCheck?) throws -> Outcome {
        let stored = try workspace.powerItems(matching: ItemFilter(revision: label))
        // One batch: cleaned on all cores, each distinct basis parsed once (`Cleaner.clean(_:)`).
        let (items, itemFindings) = cleaner.clean(stored.map(\.item.raw))
        var changed: [StoredPowerItem] = []
        for (record, item) in zip(stored, items) where item != record.item {
            var record = record
            record.item = item
            changed.append(record)
        }
        let findings = itemFindings + crossItemFindings(items, licences: licences)
        if !changed.isEmpty { try workspace.saveClean(changed) }
        try workspace.replaceFindings(stage: Self.stage, revision: label, with: findings)
        try workspace.recordCleanFingerprint(cleaner.schemas.fingerprint?.rawValue, revision: label)
        return Outcome(revision: label, items: items, findings: findings, recleaned: changed.count, cleaning: .redone)
    }

    private func crossItemFindings(_ items: [PowerItem], licences: LicenceCheck?) -> [Finding] {
        checker.check(items) + (licences?.findings(items) ?? [])
    }

    /// Per-item findings as stored (each source's in item order, the sources in the order they
    /// were imported), put in the order of a re-clean — by source, as the items list them —
    /// then `crossItem`. The findings are copied once into an array of the final size: at
    /// 200,000 items they take 100 MB, and an array grown per file, then joined, then
    /// concatenated held three more copies at once (the check's peak).
    static func inFileOrder(_ findings: [Finding], items: [PowerItem], then crossItem: [Finding]) -> [Finding] {
        var fileOrder: [UTF8Key: Int] = [:]
        for item in items where fileOrder[UTF8Key(item.raw.provenance.file)] == nil {
            fileOrder[UTF8Key(item.raw.provenance.file)] = fileOrder.count
        }
        var byFile = Array(repeating: [Int32](), count: fileOrder.count + 1)
        for (index, finding) in findings.enumerated() {
            byFile[fileOrder[UTF8Key(finding.location.file)] ?? fileOrder.count].append(Int32(index))
        }
        var ordered: [Finding] = []
        ordered.reserveCapacity(findings.count + crossItem.count)
        for indices in byFile {
            for index in indices { ordered.append(findings[Int(index)]) }
        }
        ordered.append(contentsOf: crossItem)
        return ordered
    }
}

/// A value one job sets and the caller takes once the jobs are done.
private final class Box<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) {
        stored = value
    }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// The value, leaving the box empty-handed (no second copy kept alive).
    func take() -> Value where Value: RangeReplaceableCollection {
        lock.withLock {
            defer { stored = Value() }
            return stored
        }
    }
}
