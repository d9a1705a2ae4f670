import Foundation

/// The kinds of change between a county's two revisions, counted for the manifest.
struct RevisionChanges: Codable {
    var cuts = 0, renames = 0, basisChanges = 0, merges = 0, splits = 0, moves = 0, additions = 0

    static func + (a: Self, b: Self) -> Self {
        Self(cuts: a.cuts + b.cuts, renames: a.renames + b.renames, basisChanges: a.basisChanges + b.basisChanges,
             merges: a.merges + b.merges, splits: a.splits + b.splits, moves: a.moves + b.moves,
             additions: a.additions + b.additions)
    }
}

/// Turns a county's first revision into its second, as a clean-up round does: about 6 % of
/// items cut, 4 % renamed, 5 % with a new legal basis, 1 % merged into the next item, 1 % split
/// in two, 1 % moved to another department, and 3 % new items per department.
struct RevisionEditor {
    var generator: PowerListGenerator
    private(set) var changes = RevisionChanges()

    mutating func edit(_ lists: [DepartmentList]) -> [DepartmentList] {
        var edited = lists.map { DepartmentList(department: $0.department, format: $0.format, items: []) }
        for (index, list) in lists.enumerated() {
            var items = list.items[...]
            while let item = items.popFirst() {
                let roll = generator.roll(1000)
                switch roll {
                case ..<60: changes.cuts += 1
                case ..<100: edited[index].items.append(renamed(item)); changes.renames += 1
                case ..<150: edited[index].items.append(rebased(item)); changes.basisChanges += 1
                case ..<160 where !items.isEmpty:
                    edited[index].items.append(merged(item, items.removeFirst())); changes.merges += 1
                case ..<170 where item.rows.count > 1:
                    edited[index].items += split(item); changes.splits += 1
                case ..<180 where lists.count > 1:
                    let target = (index + 1 + generator.roll(lists.count - 1)) % lists.count
                    edited[target].items.append(item); changes.moves += 1
                default: edited[index].items.append(item)
                }
            }
            let additions = (list.items.count * 3 + 50) / 100
            for _ in 0..<additions { edited[index].items.append(generator.item(serial: 0)) }
            changes.additions += additions
        }
        return edited
    }

    /// `对…的处罚` → `对…等情形的处罚`: the wording of the item changes, not what it is.
    private func renamed(_ item: GeneratedItem) -> GeneratedItem {
        guard case .text(let name)? = item.rows[0][1], let range = name.range(of: "的", options: .backwards) else { return item }
        var item = item
        item.rows[0][1] = .text(name.replacingCharacters(in: range, with: "等情形的"))
        return item
    }

    private mutating func rebased(_ item: GeneratedItem) -> GeneratedItem {
        var item = item
        item.rows[0][4] = .text(generator.newBasis())
        return item
    }

    /// The second item's rows become sub-items of the first: its merged cells are left empty.
    private func merged(_ first: GeneratedItem, _ second: GeneratedItem) -> GeneratedItem {
        var merged = first
        for var row in second.rows {
            for column in PowerListGenerator.mergedColumns { row[column] = nil }
            merged.rows.append(row)
        }
        return merged
    }

    /// An item of several sub-items becomes two: the first row, and the rest named after
    /// their first sub-item with the original's category and basis.
    private func split(_ item: GeneratedItem) -> [GeneratedItem] {
        var first = GeneratedItem(rows: [item.rows[0]])
        var rest = GeneratedItem(rows: Array(item.rows.dropFirst()))
        first.rows[0][2] = nil
        if case .text(let subItem)? = rest.rows[0][2], case .text(let category)? = item.rows[0][3] {
            let suffix = Vocabulary.categories.first { $0.name == category }?.suffix ?? "事项"
            rest.rows[0][1] = .text("对\(subItem)的\(suffix)")
        }
        for column in [3, 4] { rest.rows[0][column] = item.rows[0][column] }
        if rest.rows.count == 1 { rest.rows[0][2] = nil }
        return [first, rest]
    }
}
