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
    let unitKey: String
    let nameKey: String
    let categoryKey: String
    /// The stable power code, when every record that has one agrees on it.
    let code: String?
    let subItemNames: [String]
    let remarks: String

    var key: ItemKey { ref.key }
    var level: Level { ref.unit.level }

    init(key: ItemKey, records: [PowerItem], unitKey: String) {
        let first = records[0]
        let category = first.category?.name ?? first.fields[.category]
        self.records = records
        self.unitKey = unitKey
        nameKey = TextKey.normalized(first.name)
        categoryKey = TextKey.normalized(category ?? "")
        let codes = Set(records.compactMap { $0.fields[.code].map(TextKey.normalized) }.filter { !$0.isEmpty })
        code = codes.count == 1 ? codes.first : Self.commonCode(codes)
        subItemNames = records.compactMap(\.subItemName).filter { !$0.isEmpty }
        remarks = Self.distinct(records.compactMap { $0.fields[.remarks] }).joined(separator: "；")
        ref = ItemRef(key: key, name: first.name, unit: first.unit, unitKey: unitKey, category: category,
                      itemKeys: records.map(\.key))
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
    var citationKeys: Set<String> {
        var keys = Set<String>()
        for citation in records.lazy.flatMap(\.citations) {
            guard let law = citation.resolution.reference?.key ?? citation.title.map(TextKey.normalized) else { continue }
            keys.insert(law)
            for article in citation.articles { keys.insert("\(law)#\(article)") }
        }
        return keys
    }

    /// Groups records into main items: one per (unit, sheet, serial, name), or per
    /// (unit, name) when a record has no serial. The result is sorted by key; two main items
    /// that would share a key (one name listed twice by a unit) get `#2`, `#3` in sheet/serial order.
    /// Sorted by the keys' UTF-8 bytes (see `ByteKey`).
    static func group(_ items: [PowerItem], units: UnitNameNormalizer) -> [MainItem] {
        // Indices, not copies: a `PowerItem` copy costs a dozen retains.
        var groups: [ByteKey: [Int]] = [:]
        for (index, item) in items.enumerated() {
            let serial = item.raw.serial ?? ""
            let sheet = serial.isEmpty ? "" : item.raw.provenance.sheet
            let key = [item.unit.name, sheet, serial, TextKey.normalized(item.name)].joined(separator: "\u{1}")
            groups[ByteKey(key), default: []].append(index)
        }
        var used: [ByteKey: Int] = [:]
        var unitKeys: [String: String] = [:]
        let mains = groups.keys.sorted().map { groupKey in
            let members = groups[groupKey]!
            let records = members.count == 1 ? [items[members[0]]] : members.map { items[$0] }.sorted(by: sheetOrder)
            var key = TextKey.itemKey(unit: records[0].unit.name, name: records[0].name, subItem: nil)
            let seen = used[ByteKey(key.rawValue), default: 0] + 1
            used[ByteKey(key.rawValue)] = seen
            if seen > 1 { key = ItemKey(rawValue: key.rawValue + "#\(seen)") }
            let unitName = records[0].unit.name
            let unitKey = unitKeys[unitName] ?? units.key(unitName)
            unitKeys[unitName] = unitKey
            return MainItem(key: key, records: records, unitKey: unitKey)
        }
        return mains.map { (ByteKey($0.key.rawValue), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Records in the order a person reads them: file, sheet, row; ties by key.
    private static func sheetOrder(_ lhs: PowerItem, _ rhs: PowerItem) -> Bool {
        let (left, right) = (lhs.raw.provenance, rhs.raw.provenance)
        return (left.file, left.sheet, left.firstRow, lhs.key) < (right.file, right.sheet, right.firstRow, rhs.key)
    }

    static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
