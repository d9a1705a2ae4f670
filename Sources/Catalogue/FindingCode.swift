/// The closed set of findings powerlist can report: import problems and legal checks are one
/// kind of thing, told apart by their code. The raw value is the stable key stored in the
/// workspace and written to reports (`import.missing-serial`, `check.insufficient-basis`).
public enum FindingCode: String, Codable, Hashable, Sendable, CaseIterable {
    // Import: reading the table.
    case sheetSkipped = "import.sheet-skipped"
    case noItems = "import.no-items"
    case unknownHeader = "import.unknown-header"
    case repeatedColumns = "import.repeated-columns"
    case missingSerial = "import.missing-serial"
    case missingName = "import.missing-name"
    case sharedSerial = "import.shared-serial"
    case categoryFromSheet = "import.category-from-sheet"
    case noteRow = "import.note-row"
    case orphanText = "import.orphan-text"
    case repeatedHeaderRow = "import.repeated-header-row"
    case hidden = "import.hidden"
    case countMismatch = "import.count-mismatch"
    case unitGuessed = "import.unit-guessed"

    // Check: categories and codes.
    case unknownCategory = "check.unknown-category"
    case categoryNotAtLevel = "check.category-not-at-level"
    /// 非行政许可审批, abolished as a category in 2015.
    case abolishedCategory = "check.abolished-category"
    case codeCategoryMismatch = "check.code-category-mismatch"

    // Check: the legal basis.
    case missingBasis = "check.missing-basis"
    case basisWithoutCitation = "check.basis-without-citation"
    case notALegalInstrument = "check.not-a-legal-instrument"
    case insufficientBasis = "check.insufficient-basis"
    case repealedInstrument = "check.repealed-instrument"
    case supersededVersion = "check.superseded-version"
    case articleOutOfRange = "check.article-out-of-range"
    case articleRenumbered = "check.article-renumbered"
    case rankTagMismatch = "check.rank-tag-mismatch"
    case notInRegistry = "check.not-in-registry"
    case internalBasisOnly = "check.internal-basis-only"

    // Check: items against each other.
    case duplicateItem = "check.duplicate-item"
    case claimedByTwoUnits = "check.claimed-by-two-units"
    /// A 行政许可 outside the configured licence lists (国办发〔2022〕2号); `check` stores it.
    case licenceNotListed = "check.licence-not-listed"

    // Reconcile.
    case untracedDelegation = "reconcile.untraced-delegation"

    /// The stage that reports it: `import`, `check` or `reconcile`.
    public var stage: String { String(rawValue.prefix(while: { $0 != "." })) }
}
