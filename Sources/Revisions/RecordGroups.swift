import Catalogue

/// Records grouped into main items by index, before any `MainItem` is made: one group per
/// (unit, sheet, serial, name), or per (unit, name) when a record has no serial. Sorted by key;
/// two groups that would share a key (one name listed twice by a unit) get `#2`, `#3` in
/// sheet/serial order. Sorted by the keys' UTF-8 bytes (see `ByteKey`).
///
/// `MainItem.group` makes its main items from these; `IdenticalPairs` reads them alone, so
/// the items it sets aside never become `MainItem`s: a `PowerItem` copied into a main item
/// costs a dozen retains and as many releases, on every record of both sides.
struct RecordGroups {
    struct Group {
        let key: ItemKey
        /// The records' indices in the items grouped, in sheet order (file, sheet, row; ties by
        /// key): a slice of one array shared by all groups, not an array per group.
        let indices: ArraySlice<Int>
        let unitKey: String
        let nameKey: String
    }

    private(set) var groups: [Group] = []

    /// - Parameter nameKeys: each record's normalized name when the caller has them
    ///   (`RecordFacts`); worked out here otherwise.
    init(_ items: [PowerItem], units: UnitNameNormalizer, nameKeys known: [String]? = nil) {
        let (recordGroups, members, nameKeys) = Self.members(items, nameKeys: known)
        var unitTexts: [ByteKey: (text: String, key: String)] = [:]
        let keys = recordGroups.map { group in
            let unit = unitTexts[group.unit] ?? (TextKey.normalized(group.unit.text), units.key(group.unit.text))
            unitTexts[group.unit] = unit
            return ByteKey(unit.text + "|" + group.name.text + "|")
        }
        // Indexes are sorted, not the groups. One name listed twice by a unit gets `#2`, `#3`
        // in sheet and serial order.
        let order = PackedTexts(keys.map(\.text)).sortedIndices { recordGroups[$0] < recordGroups[$1] }
        groups.reserveCapacity(order.count)
        var (seen, duplicates) = (0, false)
        for (position, index) in order.enumerated() {
            seen = position > 0 && keys[order[position - 1]] == keys[index] ? seen + 1 : 1
            duplicates = duplicates || seen > 1
            let key = ItemKey(rawValue: seen > 1 ? keys[index].text + "#\(seen)" : keys[index].text)
            let indices = members[index].count == 1 ? members[index]
                : members[index].sorted { Self.sheetOrder(items[$0], items[$1]) }[...]
            groups.append(Group(key: key, indices: indices, unitKey: unitTexts[recordGroups[index].unit]!.key,
                                nameKey: nameKeys[members[index].first!]))
        }
        // `X#2` does not always sort right after `X` (`|` sorts after most bytes).
        guard duplicates else { return }
        let finalKeys = groups.map { ByteKey($0.key.rawValue) }
        groups = finalKeys.indices.sorted { finalKeys[$0] < finalKeys[$1] }.map { groups[$0] }
    }

    /// Each group once, in order of first record, with the indices of its records (in record
    /// order) and every record's normalized name. The indices are slices of one array: an
    /// array per group was an allocation and a free per record of both sides.
    private static func members(_ items: [PowerItem], nameKeys known: [String]?)
        -> (groups: [RecordGroup], members: [ArraySlice<Int>], nameKeys: [String]) {
        var numbers: [RecordGroup: Int] = [:]
        var groups: [RecordGroup] = [], numberOf: [Int] = [], nameKeys: [String] = known ?? []
        numbers.reserveCapacity(items.count)   // most records are a main item of their own
        numberOf.reserveCapacity(items.count)
        if known == nil { nameKeys.reserveCapacity(items.count) }
        for index in items.indices {
            let nameKey = known?[index] ?? TextKey.normalized(items[index].name)
            if known == nil { nameKeys.append(nameKey) }
            let group = RecordGroup(items[index].raw, nameKey: nameKey)
            // One lookup: the default is stored when the group is new.
            let number = Self.value(&numbers[group, default: groups.count])
            if number == groups.count { groups.append(group) }
            numberOf.append(number)
        }
        // A counting sort of the record indices by group.
        var starts = [Int](repeating: 0, count: groups.count + 1)
        for number in numberOf { starts[number + 1] += 1 }
        for number in groups.indices { starts[number + 1] += starts[number] }
        var next = starts, flat = [Int](repeating: 0, count: items.count)
        for (index, number) in numberOf.enumerated() {
            flat[next[number]] = index
            next[number] += 1
        }
        return (groups, groups.indices.map { flat[starts[$0]..<starts[$0 + 1]] }, nameKeys)
    }

    private static func value(_ number: inout Int) -> Int { number }

    /// Records in the order a person reads them: file, sheet, row; ties by key.
    private static func sheetOrder(_ lhs: PowerItem, _ rhs: PowerItem) -> Bool {
        let (left, right) = (lhs.raw.provenance, rhs.raw.provenance)
        return (left.file, left.sheet, left.firstRow, lhs.key) < (right.file, right.sheet, right.firstRow, rhs.key)
    }
}

/// The records of one main item: same unit, sheet, serial and normalized name (sheet and
/// serial left empty for a record without a serial), compared as bytes.
private struct RecordGroup: Hashable, Comparable {
    let unit: ByteKey
    let sheet: ByteKey
    let serial: ByteKey
    let name: ByteKey

    /// Of the raw record alone: a `PowerItem` passed here was copied, a dozen retains per record.
    init(_ raw: RawItem, nameKey: String) {
        let serial = raw.serial ?? ""
        unit = ByteKey(raw.unit.name)
        sheet = ByteKey(serial.isEmpty ? "" : raw.provenance.sheet)
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
