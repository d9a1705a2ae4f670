import Catalogue
import Foundation

/// What cleaning one text gave, remembered for the rest of a batch: catalogues repeat the
/// same legal basis, category, actor and duty texts over thousands of items, and parsing
/// and resolving a basis costs far more than looking its text up.
///
/// One memo per thread; the results are the very values `Cleaner` would compute again, so
/// a batch cleans exactly as item-by-item cleaning does.
struct CleanMemo {
    /// Normalized text (its index in `cleanTexts`) by raw text, for short fields and for long
    /// (structured) ones: looked up for nearly every field of every item.
    private var shortTexts = TextTable()
    private var longTexts = TextTable()
    private var cleanTexts: [String] = []
    /// Long texts seen lately by their storage (`SeenStrings`): a workbook's repeated values
    /// share the shared-string table's strings, so most are found without hashing or comparing
    /// kilobytes of legal text.
    private var seenLongTexts = SeenStrings()
    /// Resolved citations (without their cell) by normalized basis text (its index in `cited`),
    /// and the basis checks' drafts at the same index once made.
    private var bases = TextTable()
    private var cited: [[Citation]] = []
    private var drafted: [[FindingDraft]?] = []
    private var draftedCount = 0
    /// The same bases by their storage: an item's clean basis is the memo's own string, asked
    /// for three times per item (citations to clean, citations and drafts to check).
    private var seenBases = SeenStrings()

    /// Resolved categories by clean text and level: a list holds a dozen texts, and resolving
    /// one normalizes it against every name and synonym of the level's schema.
    private var categories: [CategoryKey: CategoryRef?] = [:]
    /// `ItemKey.normalized` of unit names: a list holds a few hundred units.
    private var unitKeys: [UTF8Key: String] = [:]

    /// Resolutions by cited title and note (see `resolution(of:_:)`).
    private var resolutions: [ResolutionKey: CitationResolution] = [:]

    private struct ResolutionKey: Hashable {
        let title: UTF8Key?, note: UTF8Key?
    }

    private struct CategoryKey: Hashable {
        let text: UTF8Key, level: Level
    }

    /// Fields whose values are mostly unique to an item: remembering them only costs memory.
    private static let uniqueFields: FieldMask = [.serial, .code, .name, .subItemName]

    /// How many texts the memo remembers.
    var count: Int { shortTexts.count + longTexts.count + cited.count + draftedCount }

    /// How many bases the memo remembers (their citations and drafts).
    var basisCount: Int { cited.count }

    /// Forgets the normalized texts, keeping the bases: a catalogue's long texts may all be
    /// distinct, its bases repeat by the thousand, and parsing a basis costs far more.
    mutating func forgetTexts() {
        shortTexts = TextTable()
        longTexts = TextTable()
        cleanTexts = []
        seenLongTexts = SeenStrings()
    }

    mutating func normalized(_ text: String, field: ItemField, keepsStructure: Bool) -> String {
        guard !Self.uniqueFields.contains(field) else {
            return TextNormalizer.normalize(text, keepsStructure: keepsStructure)
        }
        guard keepsStructure else {
            return Self.normalized(text, in: &shortTexts, cleanTexts: &cleanTexts, keepsStructure: false).clean
        }
        if let seen = seenLongTexts.id(of: text) { return cleanTexts[Int(seen)] }
        let (clean, index) = Self.normalized(text, in: &longTexts, cleanTexts: &cleanTexts, keepsStructure: true)
        seenLongTexts.remember(text, id: Int64(index))
        return clean
    }

    /// The text normalized, found in `table` or normalized now and added; its index in `cleanTexts`.
    private static func normalized(_ text: String, in table: inout TextTable, cleanTexts: inout [String],
                                   keepsStructure: Bool) -> (clean: String, index: Int32) {
        let index = table.insert(Int32(cleanTexts.count), for: text)
        if index < cleanTexts.count { return (cleanTexts[Int(index)], index) }
        let clean = TextNormalizer.normalize(text, keepsStructure: keepsStructure)
        cleanTexts.append(clean)
        return (clean, index)
    }

    mutating func category(_ text: String, level: Level, _ resolve: () -> CategoryRef?) -> CategoryRef? {
        let key = CategoryKey(text: UTF8Key(text), level: level)
        if let known = categories[key] { return known }
        let resolved = resolve()
        categories[key] = resolved
        return resolved
    }

    /// An item's key, its unit's part remembered (`ItemKey(unit:name:subItem:)` gives the same).
    mutating func itemKey(unit: String, name: String, subItem: String?) -> ItemKey {
        let unitKey = UTF8Key(unit)
        let unitPart: String
        if let known = unitKeys[unitKey] {
            unitPart = known
        } else {
            unitPart = ItemKey.normalized(unit)
            unitKeys[unitKey] = unitPart
        }
        return ItemKey(rawValue: unitPart + "|" + ItemKey.normalized(name) + "|" + ItemKey.normalized(subItem ?? ""))
    }

    mutating func citations(of basis: String, _ make: (String, inout CleanMemo) -> [Citation]) -> [Citation] {
        if let known = basisIndex(basis) { return cited[known] }
        let made = make(basis, &self)
        bases.insert(Int32(cited.count), for: basis)
        seenBases.remember(basis, id: Int64(cited.count))
        cited.append(made)
        drafted.append(nil)
        return made
    }

    /// The index in `cited` of a basis already parsed.
    private mutating func basisIndex(_ basis: String) -> Int? {
        if let seen = seenBases.id(of: basis) { return Int(seen) }
        guard let known = bases[basis] else { return nil }
        seenBases.remember(basis, id: Int64(known))
        return Int(known)
    }

    /// A citation's resolution by its title and note: bases differ by their articles far more
    /// often than by the laws they cite.
    mutating func resolution(of citation: Citation, _ resolve: () -> CitationResolution) -> CitationResolution {
        let key = ResolutionKey(title: citation.title.map(UTF8Key.init), note: citation.note.map(UTF8Key.init))
        if let known = resolutions[key] { return known }
        let resolved = resolve()
        resolutions[key] = resolved
        return resolved
    }

    /// The drafts of a basis whose citations the memo holds (made each time for any other).
    mutating func drafts(of basis: String, _ make: () -> [FindingDraft]) -> [FindingDraft] {
        guard let index = basisIndex(basis) else { return make() }
        if let known = drafted[index] { return known }
        let made = make()
        drafted[index] = made
        draftedCount += 1
        return made
    }
}
