import Catalogue
import Foundation

/// What cleaning one text gave, remembered for the rest of a batch: catalogues repeat the
/// same legal basis, category, actor and duty texts over thousands of items, and parsing
/// and resolving a basis costs far more than looking its text up.
///
/// One memo per thread; the results are the very values `Cleaner` would compute again, so
/// a batch cleans exactly as item-by-item cleaning does.
struct CleanMemo {
    /// Normalized text by raw text, for short fields and for long (structured) ones.
    private var shortTexts: [UTF8Key: String] = [:]
    private var longTexts: [UTF8Key: String] = [:]
    /// Resolved citations (without their cell) by normalized basis text.
    private var citations: [UTF8Key: [Citation]] = [:]
    /// The basis checks' drafts by normalized basis text.
    private var drafts: [UTF8Key: [FindingDraft]] = [:]

    /// Fields whose values are mostly unique to an item: remembering them only costs memory.
    private static let uniqueFields: Set<ItemField> = [.serial, .code, .name, .subItemName]

    /// How many texts the memo remembers.
    var count: Int { shortTexts.count + longTexts.count + citations.count + drafts.count }

    /// How many bases the memo remembers (their citations and drafts).
    var basisCount: Int { citations.count }

    /// Forgets the normalized texts, keeping the bases: a catalogue's long texts may all be
    /// distinct, its bases repeat by the thousand, and parsing a basis costs far more.
    mutating func forgetTexts() {
        shortTexts = [:]
        longTexts = [:]
    }

    mutating func normalized(_ text: String, field: ItemField, keepsStructure: Bool) -> String {
        guard !Self.uniqueFields.contains(field) else {
            return TextNormalizer.normalize(text, keepsStructure: keepsStructure)
        }
        let key = UTF8Key(text)
        if keepsStructure {
            if let known = longTexts[key] { return known }
            let clean = TextNormalizer.normalize(text, keepsStructure: true)
            longTexts[key] = clean
            return clean
        }
        if let known = shortTexts[key] { return known }
        let clean = TextNormalizer.normalize(text, keepsStructure: false)
        shortTexts[key] = clean
        return clean
    }

    mutating func citations(of basis: String, _ make: (String) -> [Citation]) -> [Citation] {
        let key = UTF8Key(basis)
        if let known = citations[key] { return known }
        let made = make(basis)
        citations[key] = made
        return made
    }

    mutating func drafts(of basis: String, _ make: () -> [FindingDraft]) -> [FindingDraft] {
        let key = UTF8Key(basis)
        if let known = drafts[key] { return known }
        let made = make()
        drafts[key] = made
        return made
    }
}
