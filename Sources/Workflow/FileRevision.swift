import Catalogue
import Concurrency
import Dispatch
import Foundation
import Importer
import Sheets
import Store

/// A revision given as files or folders on the command line, read into clean items in memory:
/// read → importer → clean step, as `import` does, but never stored. A file-to-file `diff`
/// needs nothing from a database, and writing 200,000 items into SQLite only to read them
/// back cost more than the comparison itself.
///
/// ```swift
/// let reader = FileRevision(importer: importer, cleanStep: cleanStep)
/// let records = try reader.readBoth("2023/", "2024/")
/// let oldItems = reader.clean(records.old)
/// ```
public struct FileRevision: Sendable {
    public let importer: Importer
    public let cleanStep: CleanStep
    /// What a file may hold before it is refused as broken or hostile (Excel's maxima by default).
    public var limits = ReadLimits.excel

    public init(importer: Importer, cleanStep: CleanStep) {
        self.importer = importer
        self.cleanStep = cleanStep
    }

    /// The clean items of every spreadsheet under `path`; a file whose content another one
    /// under `path` already holds is read once, as a workspace keeps it once.
    /// - Throws: `ComparisonError` naming each file that could not be read, or an empty `path`.
    public func items(_ path: String) throws -> [PowerItem] {
        clean(try records(path))
    }

    /// The raw records of every spreadsheet under `path` (read and imported, not cleaned);
    /// each workbook is let go as soon as its records are out of it.
    /// - Throws: `ComparisonError` naming each file that could not be read, or an empty `path`.
    public func records(_ path: String) throws -> [RawItem] {
        try Self.records(path, importer: importer, limits: limits)
    }

    private static func records(_ path: String, importer: Importer, limits: ReadLimits) throws -> [RawItem] {
        let files = try Self.distinct(SourceFiles(arguments: [path]).files)
        guard !files.isEmpty else { throw ComparisonError("\(path) 中没有可导入的电子表格。") }
        var records: [RawItem] = []
        var failures: [String] = []
        for file in files {
            do {
                let workbook = try Workbook.read(file.url, options: ReadOptions(limits: limits))
                records += importer.importWorkbook(workbook, displayName: file.displayName).items
            } catch {
                failures.append("\(file.displayName)：\(error.description)")
            }
        }
        guard failures.isEmpty else { throw ComparisonError("无法读取 \(path) 中的文件：\n" + failures.joined(separator: "\n")) }
        return records
    }

    /// The clean items of `records`, slimmed to what a comparison reads, but for those at
    /// the indices in `skipped` (records already settled, see `IdenticalPairs`).
    public func clean(_ records: [RawItem], skipping skipped: Set<Int> = []) -> [PowerItem] {
        let kept = skipped.isEmpty ? records : records.indices.filter { !skipped.contains($0) }.map { records[$0] }
        // The checks' findings are no part of a comparison.
        let items = cleanStep.cleaner.clean(kept, checked: false).items
        let chunks = Concurrent.chunks(items.count, minimum: 5_000)
        return Array(Concurrent.map(chunks.count) { items[chunks[$0]].map(Self.slim) }.joined())
    }

    /// Both sides' items as `clean` gives them, cleaned in one batch ordered by legal basis:
    /// a renamed, moved or recategorized item keeps its basis, and a batch's memos (one per
    /// chunk) parse a basis once only when its items fall in one chunk — side by side, half the
    /// bases of a yearly revision's changed items were parsed twice.
    public func clean(_ old: [RawItem], _ new: [RawItem]) -> (old: [PowerItem], new: [PowerItem]) {
        let all = old + new
        let bases = all.map { $0.fields[.basis].map { UTF8Key($0).hashValue } ?? 0 }
        let order = all.indices.sorted { bases[$0] < bases[$1] }
        let cleaned = clean(order.map { all[$0] })
        var items = [PowerItem?](repeating: nil, count: all.count)
        for (position, index) in order.enumerated() { items[index] = cleaned[position] }
        return (items[..<old.count].map { $0! }, items[old.count...].map { $0! })
    }

    /// What a comparison reads of an item, which is half its memory: the clean fields and
    /// category, the citations' laws and articles, the unit, serial, file, sheet and rows. The
    /// raw texts (compared in their clean form), the cells and the citations' texts are dropped
    /// (a clean step made with `keepsCitationTexts: false` does not make the texts at all).
    static func slim(_ item: PowerItem) -> PowerItem {
        var item = item
        item.raw.fields = item.raw.fields.filter { $0.key == .serial }
        item.raw.extraFields = []
        item.raw.provenance.cells = [:]
        for index in item.citations.indices {
            item.citations[index].text = ""
            item.citations[index].quotedText = nil
            item.citations[index].note = nil
        }
        return item
    }

    /// Both sides' records at once, on two threads: reading and importing are a large part
    /// of a file-to-file diff.
    public func readBoth(_ old: String, _ new: String) throws -> (old: [RawItem], new: [RawItem]) {
        try Self.readBoth(old, new, importer: importer, limits: limits)
    }

    /// Both sides' records on two threads, and `alongside` on a third: the law registry, which
    /// only the cleaning needs, loads while the files are read.
    public static func readBoth(_ old: String, _ new: String, importer: Importer, limits: ReadLimits = .excel,
                                alongside: @Sendable () -> Void = {}) throws -> (old: [RawItem], new: [RawItem]) {
        let results = ResultPair()
        DispatchQueue.concurrentPerform(iterations: 3) { side in
            guard side < 2 else { return alongside() }
            results.set(side, Result { try records(side == 0 ? old : new, importer: importer, limits: limits) })
        }
        return (try results.get(0), try results.get(1))
    }

    /// Files in order, without the later copies of a content seen before (by SHA-256).
    private static func distinct(_ files: [SourceFiles.File]) throws -> [SourceFiles.File] {
        guard files.count > 1 else { return files }
        var seen = Set<String>()
        return try files.filter { seen.insert(try FileDigest.sha256(of: $0.url)).inserted }
    }
}

/// The two sides' results, written by two threads.
private final class ResultPair: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<[RawItem], any Error>] = [:]

    func set(_ side: Int, _ result: Result<[RawItem], any Error>) {
        lock.lock()
        defer { lock.unlock() }
        results[side] = result
    }

    func get(_ side: Int) throws -> [RawItem] {
        lock.lock()
        defer { lock.unlock() }
        return try results[side]!.get()
    }
}
