import Catalogue

/// One legal or structural rule about a single item. Each rule is its own small type, so a
/// reader finds the rule, its article and its findings in one file.
protocol ItemCheck: Sendable {
    func check(_ item: PowerItem, in context: CheckContext) -> [Finding]
}

/// What a check may consult: the loaded schemas.
struct CheckContext {
    let schemas: CleanupSchemas
}

/// A rule whose findings depend on an item's citations alone, not on its name, unit or
/// category. Catalogues cite a few thousand distinct bases over hundreds of thousands of
/// items, so the cleaner runs these once per basis text (`CleanMemo.drafts`) and places
/// the drafts on each item citing it (`PowerItem.finding(_:)`).
protocol BasisCheck: ItemCheck {
    func drafts(_ citations: [Citation], in context: CheckContext) -> [FindingDraft]
}

extension BasisCheck {
    func check(_ item: PowerItem, in context: CheckContext) -> [Finding] {
        drafts(item.citations, in: context).map(item.finding)
    }
}

/// A finding not yet placed on an item: what a `BasisCheck` says about a list of citations.
struct FindingDraft: Equatable, Sendable {
    var code: FindingCode
    var severity: Finding.Severity
    var message: String
    var field: ItemField?

    init(_ code: FindingCode, _ severity: Finding.Severity, _ message: String, field: ItemField?) {
        self.code = code
        self.severity = severity
        self.message = message
        self.field = field
    }
}

/// The per-item checks, in the order their findings are listed: `itemChecks`, then `basisChecks`.
enum ItemChecks {
    static let itemChecks: [any ItemCheck] = [
        CategoryCheck(), CodeCategoryCheck(), MissingBasisCheck(), BasisSufficiencyCheck(), InternalBasisCheck(),
    ]
    static let basisChecks: [any BasisCheck] = [InstrumentStatusCheck(), ArticleRangeCheck(), RankTagCheck()]
    static var all: [any ItemCheck] { itemChecks + basisChecks }
}

extension PowerItem {
    /// A finding about this item, placed at the cell of `field` (or at the item's first row).
    func finding(_ code: FindingCode, _ severity: Finding.Severity, _ message: String, field: ItemField?) -> Finding {
        let provenance = raw.provenance
        let cell = field.flatMap { provenance.cells[$0] }
        return Finding(code: code, severity: severity, message: message,
                       location: Location(file: provenance.file, sheet: provenance.sheet, cell: cell),
                       item: key, field: field)
    }

    /// A `BasisCheck`'s draft placed on this item.
    func finding(_ draft: FindingDraft) -> Finding {
        finding(draft.code, draft.severity, draft.message, field: draft.field)
    }

    /// `“对拒绝配合统计调查的处罚”`, with the sub-item when there is one, for messages.
    var quotedName: String {
        if let subItemName { return "“\(name)—\(subItemName)”" }
        return "“\(name)”"
    }
}

extension Citation {
    /// The rank the legal rules count: a form or notice counts as an internal document.
    var effectiveRank: LegalRank? {
        if case .notALegalInstrument = resolution { return .internalDocument }
        return rank
    }

    /// `《统计法》第四十四条`-style name for messages.
    var quotedTitle: String { title.map { "《\($0)》" } ?? (rankTag.map { "【\($0)】" } ?? text) }
}
