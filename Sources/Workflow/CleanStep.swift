import Catalogue
import Cleanup
import Importer

/// The clean step of an import: raw items → clean items (`PowerItem`) and the findings about
/// each item alone (category, legal basis, articles — stage `check`).
///
/// The schemas (categories, legal-basis rules, law registry) are loaded once per import, not
/// per file: the registry is the costly part. Cross-item checks (duplicates, 多头) need the
/// whole revision and run in `CheckRun`, not here.
public struct CleanStep: Sendable {
    public var configuration: ImportConfiguration
    public let cleaner: Cleaner

    /// - Parameter keepsCitationTexts: see `Cleaner.init`.
    public init(configuration: ImportConfiguration, schemas: CleanupSchemas, keepsCitationTexts: Bool = true) {
        self.configuration = configuration
        cleaner = Cleaner(schemas: schemas, keepsCitationTexts: keepsCitationTexts)
    }

    public struct Result: Sendable {
        public var items: [PowerItem]
        /// Per-item check findings, each tied to its item's key.
        public var findings: [Finding]
    }

    public func run(_ items: [RawItem]) -> Result {
        let (clean, findings) = cleaner.clean(items)
        return Result(items: clean, findings: findings)
    }

    /// `run` in consecutive parts (`Cleaner.cleanInParts`), each part's findings with it.
    func runInParts(_ items: [RawItem]) -> [Result] {
        cleaner.cleanInParts(items).map { Result(items: $0.items, findings: $0.findings) }
    }
}
