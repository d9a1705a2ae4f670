import Catalogue
import Dispatch
import Foundation
import Schemas

/// Turns a `RawItem` into its clean `PowerItem` and the findings about it alone: text
/// normalized, the category resolved in the level's schema, the basis parsed into citations
/// and resolved in the law registry, then every per-item check run.
///
/// Per-item work plus hash lookups: no item is compared with another here (that is `Checker`).
public struct Cleaner: Sendable {
    public let schemas: CleanupSchemas
    let parser: CitationParser
    let resolver: CitationResolver
    let checks: [any ItemCheck]

    public init(schemas: CleanupSchemas) {
        self.schemas = schemas
        parser = CitationParser(rankTags: schemas.rules.rankTags)
        resolver = CitationResolver(registry: schemas.registry, rules: schemas.rules)
        checks = ItemChecks.all
    }

    /// Fields whose text is one short phrase: every line break inside is a conversion artefact.
    static let shortFields: Set<ItemField> = [
        .serial, .code, .name, .subItemName, .category, .actor, .handlingOrgan, .region,
        .statutoryTimeLimit, .promisedTimeLimit,
    ]

    public func clean(_ raw: RawItem) -> (PowerItem, [Finding]) {
        var memo = CleanMemo()
        return clean(raw, memo: &memo)
    }

    /// Cleans one item, taking what `memo` already knows about its texts.
    func clean(_ raw: RawItem, memo: inout CleanMemo) -> (PowerItem, [Finding]) {
        var fields: [ItemField: String] = [:]
        for (field, value) in raw.fields {
            let clean = memo.normalized(value, field: field, keepsStructure: !Self.shortFields.contains(field))
            if !clean.isEmpty { fields[field] = clean }
        }
        let category = fields[.category].flatMap { schemas.categories.group(for: raw.unit.level)?.category(for: $0) }
        let cell = raw.provenance.cells[.basis]
        let resolved = fields[.basis].map { basis in memo.citations(of: basis, citations) } ?? []
        let cited = resolved.map { resolved in
            var citation = resolved
            citation.cell = cell
            return citation
        }
        let key = ItemKey(unit: raw.unit.name, name: fields[.name] ?? "", subItem: fields[.subItemName])
        let item = PowerItem(key: key, raw: raw, fields: fields, category: category?.reference, citations: cited)
        let context = CheckContext(schemas: schemas)
        return (item, checks.flatMap { $0.check(item, in: context) })
    }

    /// The citations of a normalized basis, resolved in the registry (without their cell).
    private func citations(_ basis: String) -> [Citation] {
        parser.parse(basis).map { parsed in
            var citation = parsed
            citation.resolution = resolver.resolve(citation)
            return citation
        }
    }

    /// Cleans many items; findings in item order. Large batches are cleaned in chunks on all
    /// cores, each chunk with its own memo; the chunks' results are joined in item order, so
    /// the result is the same whatever the scheduling.
    public func clean(_ raws: [RawItem]) -> (items: [PowerItem], findings: [Finding]) {
        let chunkCount = raws.count < Self.minimumChunk * 2 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let bounds = (0...chunkCount).map { raws.count * $0 / chunkCount }
        let results = ChunkResults(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var memo = CleanMemo()
            var items: [PowerItem] = []
            var findings: [Finding] = []
            items.reserveCapacity(bounds[chunk + 1] - bounds[chunk])
            for raw in raws[bounds[chunk]..<bounds[chunk + 1]] {
                let (item, itemFindings) = clean(raw, memo: &memo)
                items.append(item)
                findings.append(contentsOf: itemFindings)
            }
            results.set(chunk, (items, findings))
        }
        return results.joined()
    }

    /// Below this many items per chunk, a second thread costs more than it saves.
    static let minimumChunk = 2_000
}

/// The results of the chunks of a concurrent clean, each written once by its own thread.
private final class ChunkResults: @unchecked Sendable {
    private var results: [(items: [PowerItem], findings: [Finding])?]
    private let lock = NSLock()

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func set(_ chunk: Int, _ result: (items: [PowerItem], findings: [Finding])) {
        lock.withLock { results[chunk] = result }
    }

    /// Items and findings in chunk order.
    func joined() -> (items: [PowerItem], findings: [Finding]) {
        lock.withLock {
            var items: [PowerItem] = []
            var findings: [Finding] = []
            items.reserveCapacity(results.reduce(0) { $0 + ($1?.items.count ?? 0) })
            for result in results {
                items += result?.items ?? []
                findings += result?.findings ?? []
            }
            return (items, findings)
        }
    }
}
