import Catalogue

/// What `IdenticalPairs` reads of each record of one side before it groups any, by record:
/// its unit, clean name, category as shown and item key, and its `RecordFacts`.
///
/// Made from clean items, or from namings (`Cleaner.namings`) by a caller most of whose
/// records never become items: a file-to-file diff's twins (`IdenticalRecords`), where making
/// every record an item only to find it settled was most of naming them.
public struct RecordNames: Sendable {
    public let units: [AdminUnit]
    public let names: [String]
    public let categories: [String?]
    public let keys: [ItemKey]
    let facts: RecordFacts

    public var count: Int { names.count }

    /// The names of clean items; see `init(units:…)` for `twinOf` and `other`.
    public init(_ items: [PowerItem], twinOf: [Int] = [], sharing other: RecordNames? = nil) {
        self.init(units: items.map(\.unit), names: items.map(\.name), categories: items.map(\.shownCategory),
                  keys: items.map(\.key), codeFields: items.map { $0.fields[.code] }, twinOf: twinOf, sharing: other)
    }

    /// - Parameters:
    ///   - names, categories, codeFields: each record's clean name, category as shown (the
    ///     schema's name, else the clean text) and clean code field.
    ///   - twinOf: by record, the index in `other` of a record with the same name and code
    ///     fields, whose facts are taken instead of worked out again; empty for none.
    public init(units: [AdminUnit], names: [String], categories: [String?], keys: [ItemKey], codeFields: [String?],
                twinOf: [Int] = [], sharing other: RecordNames? = nil) {
        (self.units, self.names, self.categories, self.keys) = (units, names, categories, keys)
        facts = RecordFacts(names: names, codeFields: codeFields, twinOf: twinOf, sharing: other?.facts)
    }
}
