import Catalogue
import Concurrency
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
    let basisChecks: [any BasisCheck]
    /// Memos shared by the batches this cleaner cleans (see `CleanMemoPool`).
    let memos = CleanMemoPool()

    /// - Parameter keepsCitationTexts: false when only the citations' laws, articles and notes
    ///   are read (a file-to-file diff): their texts and quoted article texts are not made.
    public init(schemas: CleanupSchemas, keepsCitationTexts: Bool = true) {
        self.schemas = schemas
        var parser = CitationParser(rankTags: schemas.rules.rankTags)
        parser.keepsTexts = keepsCitationTexts
        self.parser = parser
        resolver = CitationResolver(registry: schemas.registry, rules: schemas.rules)
        checks = ItemChecks.itemChecks
        basisChecks = ItemChecks.basisChecks
    }

    /// Fields whose text is one short phrase: every line break inside is a conversion artefact.
    static let shortFields: FieldMask = [
        .serial, .code, .name, .subItemName, .category, .actor, .handlingOrgan, .region,
        .statutoryTimeLimit, .promisedTimeLimit,
    ]

    public func clean(_ raw: RawItem) -> (PowerItem, [Finding]) {
        var memo = CleanMemo()
        return clean(raw, memo: &memo)
    }

    /// Cleans one item, taking what `memo` already knows about its texts.
    func clean(_ raw: RawItem, memo: inout CleanMemo, checked: Bool = true) -> (PowerItem, [Finding]) {
        let fields = normalizedFields(raw, memo: &memo) { _ in true }
        let category = resolvedCategory(fields[.category], level: raw.unit.level, memo: &memo)
        let cell = raw.provenance.cells[.basis]
        let resolved = fields[.basis].map { basis in memo.citations(of: basis, citations) } ?? []
        let cited = resolved.map { resolved in
            var citation = resolved
            citation.cell = cell
            return citation
        }
        let key = memo.itemKey(unit: raw.unit.name, name: fields[.name] ?? "", subItem: fields[.subItemName])
        let item = PowerItem(key: key, raw: raw, fields: fields, category: category, citations: cited)
        return (item, checked ? findings(of: item, memo: &memo) : [])
    }

    /// The per-item checks' findings about a clean item, in the checks' order; the basis
    /// checks' drafts made once per basis text (`memo`), from the citations without their cell.
    func findings(of item: PowerItem, memo: inout CleanMemo) -> [Finding] {
        let context = CheckContext(schemas: schemas)
        var findings = checks.flatMap { $0.check(item, in: context) }
        guard let basis = item.fields[.basis], !item.citations.isEmpty else { return findings }
        let cited = memo.citations(of: basis, citations)
        let drafts = memo.drafts(of: basis) { basisChecks.flatMap { $0.drafts(cited, in: context) } }
        findings.reserveCapacity(findings.count + drafts.count)
        for draft in drafts { findings.append(item.finding(draft)) }
        return findings
    }

    /// The item as far as naming and counting it goes — its short fields (name, sub-item,
    /// category, code, serial…) normalized and its category resolved, exactly as `clean` gives
    /// them — with its raw record kept whole, but no long text normalized, no basis parsed
    /// and no check run. A file-to-file diff needs no more of an item found unchanged, and
    /// parsing the bases is most of the cleaning.
    func named(_ raw: RawItem, memo: inout CleanMemo) -> PowerItem {
        let fields = normalizedFields(raw, memo: &memo) { Self.shortFields.contains($0) }
        let key = memo.itemKey(unit: raw.unit.name, name: fields[.name] ?? "", subItem: fields[.subItemName])
        let category = resolvedCategory(fields[.category], level: raw.unit.level, memo: &memo)
        return PowerItem(key: key, raw: raw, fields: fields, category: category, citations: [])
    }

    /// A normalized category text resolved in the level's schema.
    func resolvedCategory(_ text: String?, level: Level, memo: inout CleanMemo) -> CategoryRef? {
        guard let text else { return nil }
        return memo.category(text, level: level) { schemas.categories.group(for: level)?.category(for: text)?.reference }
    }

    /// The normalized non-empty values of the fields `included` takes.
    private func normalizedFields(_ raw: RawItem, memo: inout CleanMemo,
                                  _ included: (ItemField) -> Bool) -> FieldValues {
        var fields = FieldValues(minimumCapacity: raw.fields.count)
        for (field, value) in raw.fields where included(field) {
            let clean = memo.normalized(value, field: field, keepsStructure: !Self.shortFields.contains(field))
            if !clean.isEmpty { fields[field] = clean }
        }
        return fields
    }

    /// The citations of a normalized basis, resolved in the registry (without their cell).
    private func citations(_ basis: String, memo: inout CleanMemo) -> [Citation] {
        parser.parse(basis).map { parsed in
            var citation = parsed
            citation.resolution = memo.resolution(of: parsed) { resolver.resolve(parsed) }
            return citation
        }
    }

    /// Cleans many items; findings in item order. Large batches are cleaned in chunks on all
    /// cores, each chunk with a memo of its own while it runs (taken from `memos`, so what an
    /// earlier batch learnt is not lost); the chunks' results are joined in item order, so
    /// the result is the same whatever the scheduling.
    /// - Parameter checked: false to skip the checks (no findings) when only the items are wanted.
    public func clean(_ raws: [RawItem], checked: Bool = true) -> (items: [PowerItem], findings: [Finding]) {
        let parts = cleanInParts(raws, checked: checked)
        guard parts.count > 1 else { return parts.first ?? ([], []) }
        return (Array(parts.map(\.items).joined()), Array(parts.map(\.findings).joined()))
    }

    /// `clean`, its result in consecutive parts as the cores cleaned them: joining them copies
    /// every item (retaining its strings) only to release the parts, which a caller that takes
    /// the items part by part (the import's `CleanPipeline`) need not do.
    public func cleanInParts(_ raws: [RawItem], checked: Bool = true) -> [(items: [PowerItem], findings: [Finding])] {
        let clock = PhaseClock.shared
        return inChunks(raws) { raws, memo in
            let items = clock.measure(.clean) { raws.map { clean($0, memo: &memo, checked: false).0 } }
            guard checked else { return (items, [Finding]()) }
            return (items, clock.measure(.check) { items.flatMap { findings(of: $0, memo: &memo) } })
        }
    }

    /// Every item `named` (see there), in chunks on all cores as `clean` does.
    public func named(_ raws: [RawItem]) -> [PowerItem] {
        Array(inChunks(raws) { raws, memo in
            raws.map { named($0, memo: &memo) }
        }.joined())
    }

    /// `work` on consecutive chunks of `raws` on all cores, each with a memo from the pool;
    /// the results in chunk order.
    private func inChunks<Value>(_ raws: [RawItem],
                                 _ work: @Sendable (ArraySlice<RawItem>, inout CleanMemo) -> Value) -> [Value] {
        // Four chunks a core: a chunk whose bases are all new costs several times one whose
        // bases its memo knows, and with one chunk a core, one core waited for the other.
        let chunks = Concurrent.chunks(raws.count, minimum: Self.minimumChunk, perCore: 4)
        return Concurrent.map(chunks.count) { chunk in
            var memo = memos.take()
            defer { memos.giveBack(memo) }
            return work(raws[chunks[chunk]], &memo)
        }
    }

    /// Below this many items per chunk, a second thread costs more than it saves.
    static let minimumChunk = 2_000
}
