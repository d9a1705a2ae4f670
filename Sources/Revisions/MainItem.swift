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

    var key: ItemKey { ref.key }
    var level: Level { ref.unit.level }

    init(key: ItemKey, records: [PowerItem], recordIndices: [Int], unitKey: String, nameKey: String) {
        let first = records[0]
        let category = first.category?.name ?? first.fields[.category]
        self.records = records
        self.recordIndices = recordIndices
        self.unitKey = unitKey
        self.nameKey = nameKey
        categoryKey = TextKey.normalized(category ?? "")
        if records.count == 1 {
            // Most items have one record: no sets to build.
            code = first.fields[.code].map(TextKey.normalized).flatMap { $0.isEmpty ? nil : $0 }
            subItemNames = first.subItemName.map { $0.isEmpty ? [] : [$0] } ?? []
            remarks = first.fields[.remarks] ?? ""
        } else {
            let codes = Set(records.compactMap { $0.fields[.code].map(TextKey.normalized) }.filter { !$0.isEmpty })
            code = codes.count == 1 ? codes.first : Self.commonCode(codes)
            subItemNames = records.compactMap(\.subItemName).filter { !$0.isEmpty }
            remarks = Self.distinct(records.compactMap { $0.fields[.remarks] }).joined(separator: "；")
        }
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
    /// Sorted by the keys' UTF-8 bytes (see `ByteKey`). Records are handled by index and their
    /// texts kept as they are (`ByteKey` copies nothing): a `PowerItem` copy costs a dozen retains.
    static func group(_ items: [PowerItem], units: UnitNameNormalizer) -> [MainItem] {
        var groups: [RecordGroup: [Int]] = [:]
        var nameKeys: [String] = []
        groups.reserveCapacity(items.count)   // most records are a main item of their own
        nameKeys.reserveCapacity(items.count)
        for index in items.indices {
            let nameKey = TextKey.normalized(items[index].name)
            nameKeys.append(nameKey)
            groups[RecordGroup(items[index], nameKey: nameKey), default: []].append(index)
        }
        var unitTexts: [ByteKey: (text: String, key: String)] = [:]
        var keys: [ByteKey] = [], recordGroups: [RecordGroup] = [], members: [[Int]] = []
        for (group, indexes) in groups {
            let unit = unitTexts[group.unit] ?? (TextKey.normalized(group.unit.text), units.key(group.unit.text))
            unitTexts[group.unit] = unit
            keys.append(ByteKey(unit.text + "|" + group.name.text + "|"))
            recordGroups.append(group)
            members.append(indexes)
        }
        // Indexes are sorted, not the groups (moving one costs half a dozen retains). One name
        // listed twice by a unit gets `#2`, `#3` in sheet and serial order.
        let order = keys.indices.sorted { lhs, rhs in
            let byKey = ByteKey.order(keys[lhs].text, keys[rhs].text)
            return byKey != 0 ? byKey < 0 : recordGroups[lhs] < recordGroups[rhs]
        }
        var mains: [MainItem] = []
        mains.reserveCapacity(order.count)
        var (seen, duplicates) = (0, false)
        for (position, index) in order.enumerated() {
            seen = position > 0 && keys[order[position - 1]] == keys[index] ? seen + 1 : 1
            duplicates = duplicates || seen > 1
            let key = ItemKey(rawValue: seen > 1 ? keys[index].text + "#\(seen)" : keys[index].text)
            let indices = members[index].count == 1 ? members[index]
                : members[index].sorted { sheetOrder(items[$0], items[$1]) }
            mains.append(MainItem(key: key, records: indices.map { items[$0] }, recordIndices: indices,
                                  unitKey: unitTexts[recordGroups[index].unit]!.key, nameKey: nameKeys[members[index][0]]))
        }
        // `X#2` does not always sort right after `X` (`|` sorts after most bytes).
        guard duplicates else { return mains }
        let finalKeys = mains.map { ByteKey($0.key.rawValue) }
        return finalKeys.indices.sorted { finalKeys[$0] < finalKeys[$1] }.map { mains[$0] }
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

/// The records of one main item: same unit, sheet, serial and normalized name (sheet and
/// serial left empty for a record without a serial), compared as bytes.
private struct RecordGroup: Hashable, Comparable {
    let unit: ByteKey
    let sheet: ByteKey
    let serial: ByteKey
    let name: ByteKey

    init(_ item: PowerItem, nameKey: String) {
        let serial = item.raw.serial ?? ""
        unit = ByteKey(item.raw.unit.name)
        sheet = ByteKey(serial.isEmpty ? "" : item.raw.provenance.sheet)
        self.serial = ByteKey(serial)
        name = ByteKey(nameKey)
    }

    static func < (lhs: RecordGroup, rhs: RecordGroup) -> Bool {
        for (left, right) in [(lhs.sheet, rhs.sheet), (lhs.serial, rhs.serial), (lhs.unit, rhs.unit), (lhs.name, rhs.name)] {
            let order = ByteKey.order(left.text, right.text)
            if order != 0 { return order < 0 }
        }
        return false
    }
}
