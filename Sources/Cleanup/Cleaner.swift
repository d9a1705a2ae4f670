import Catalogue
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
        var fields: [ItemField: String] = [:]
        for (field, value) in raw.fields {
            let clean = TextNormalizer.normalize(value, keepsStructure: !Self.shortFields.contains(field))
            if !clean.isEmpty { fields[field] = clean }
        }
        let category = fields[.category].flatMap { schemas.categories.group(for: raw.unit.level)?.category(for: $0) }
        let cell = raw.provenance.cells[.basis]
        let citations: [Citation] = (fields[.basis].map(parser.parse) ?? []).map { parsed in
            var citation = parsed
            citation.resolution = resolver.resolve(citation)
            citation.cell = cell
            return citation
        }
        let key = ItemKey(unit: raw.unit.name, name: fields[.name] ?? "", subItem: fields[.subItemName])
        let item = PowerItem(key: key, raw: raw, fields: fields, category: category?.reference, citations: citations)
        let context = CheckContext(schemas: schemas)
        return (item, checks.flatMap { $0.check(item, in: context) })
    }

    /// Cleans many items; findings in item order.
    public func clean(_ raws: [RawItem]) -> (items: [PowerItem], findings: [Finding]) {
        var items: [PowerItem] = []
        var findings: [Finding] = []
        items.reserveCapacity(raws.count)
        for raw in raws {
            let (item, itemFindings) = clean(raw)
            items.append(item)
            findings.append(contentsOf: itemFindings)
        }
        return (items, findings)
    }
}
