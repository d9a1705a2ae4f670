import Catalogue

/// One item as a published list counts it — a unit's serial and name, its sub-items once —
/// with the comparison keys the matchers use. The diff works on main items, so the summary's
/// figures are in main items and a sub-item added or dropped is a modification of its item,
/// not an item added or abolished. A class: the stages pass items around by the thousand,
/// and a reference costs one retain where this struct of a dozen texts cost a dozen.
final class MainItem: Sendable {
    let ref: ItemRef
    /// The records (one per sub-item), sorted by key.
    let records: [PowerItem]
    /// Where each of `records` is in the items the main items were grouped from.
    let recordIndices: [Int]
    let unitKey: String
    let nameKey: String
    let categoryKey: String
    /// The stable power code, when every record that has one agrees on it.
    let code: String?
    let subItemNames: [String]
    let remarks: String
    /// What the coverage and similarity stages compare: made once here, on the thread that
    /// groups the side, instead of again in each stage (a set of citation keys per item).
    let profile: ItemProfile

    var key: ItemKey { ref.key }
    var level: Level { ref.unit.level }

    init(key: ItemKey, records: [PowerItem], recordIndices: [Int], unitKey: String, nameKey: String) {
        let first = records[0]
        let category = first.shownCategory
        self.records = records
        self.recordIndices = recordIndices
        self.unitKey = unitKey
        self.nameKey = nameKey
        categoryKey = TextKey.normalized(category ?? "")
        code = Self.code(of: records)
        if records.count == 1 {
            // Most items have one record: no sets to build.
            subItemNames = first.subItemName.map { $0.isEmpty ? [] : [$0] } ?? []
            remarks = first.fields[.remarks] ?? ""
        } else {
            subItemNames = records.compactMap(\.subItemName).filter { !$0.isEmpty }
            remarks = Self.distinct(records.compactMap { $0.fields[.remarks] }).joined(separator: "；")
        }
        ref = ItemRef(key: key, name: first.name, unit: first.unit, unitKey: unitKey, category: category,
                      itemKeys: records.map(\.key))
        profile = ItemProfile(nameKey: nameKey, subItemNames: subItemNames, citations: Self.citationKeys(of: records))
    }

    /// The stable power code of a main item's records, when every record that has one agrees on it.
    static func code(of records: [PowerItem]) -> String? {
        guard records.count > 1 else { return code(records[0].fields) }
        let codes = Set(records.compactMap { $0.fields[.code].map(TextKey.normalized) }.filter { !$0.isEmpty })
        return codes.count == 1 ? codes.first : Self.commonCode(codes)
    }

    /// The code of a main item of one record, from its fields.
    static func code(_ fields: FieldValues) -> String? {
        code(fields[.code])
    }

    /// The code of a main item of one record, from its clean code field.
    static func code(_ field: String?) -> String? {
        field.map(TextKey.normalized).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Sub-items often carry the main code plus a suffix (`…XK016001`, `…XK016002`): their
    /// common prefix is the main item's code when it is long enough to be one.
    private static func commonCode(_ codes: Set<String>) -> String? {
        guard var prefix = codes.min(), codes.count > 1 else { return nil }
        for code in codes { while !code.hasPrefix(prefix) { prefix.removeLast() } }
        return prefix.count >= 10 ? prefix : nil
    }

    /// The value of a field across the records: each distinct value once, in record order.
    func value(of field: ItemField) -> String? {
        if field == .subItemName { return subItemNames.isEmpty ? nil : subItemNames.joined(separator: "；") }
        if field == .category { return ref.category }
        let values = Self.distinct(records.compactMap { $0.fields[field] }.filter { !$0.isEmpty })
        return values.isEmpty ? nil : values.joined(separator: "\n")
    }

    /// The laws (registry key, else title) and the articles (`统计法#28.1`) cited by any record.
    private static func citationKeys(of records: [PowerItem]) -> Set<ByteKey> {
        // By bytes: the keys are normalized, and a `String` set normalizes every Chinese key it hashes.
        var keys = Set<ByteKey>()
        for citation in records.lazy.flatMap(\.citations) {
            guard let law = citation.resolution.reference?.key ?? citation.title.map(TextKey.normalized) else { continue }
            keys.insert(ByteKey(law))
            for article in citation.articles { keys.insert(ByteKey("\(law)#\(article)")) }
        }
        return keys
    }

    /// Groups records into main items (see `RecordGroups`), sorted by key.
    static func group(_ items: [PowerItem], units: UnitNameNormalizer) -> [MainItem] {
        RecordGroups(items, units: units).groups.map { group in
            MainItem(key: group.key, records: group.indices.map { items[$0] }, recordIndices: Array(group.indices),
                     unitKey: group.unitKey, nameKey: group.nameKey)
        }
    }

    static func distinct(_ values: [String]) -> [String] {
        // Most main items have one record: a set hashes (NFC-normalizes) every Chinese text.
        guard values.count > 1 else { return values }
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

extension PowerItem {
    /// The category a main item shows (its first record's): as resolved, else as written.
    var shownCategory: String? { category?.name ?? fields[.category] }
}
