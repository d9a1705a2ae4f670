import Catalogue
import Concurrency
import Schemas

/// The rules across items, each blocked by a key so the work stays linear in the number of
/// items: duplicates inside a unit, and one power claimed by two units of one jurisdiction
/// (多头, `ClaimedByTwoUnitsCheck`).
public struct Checker: Sendable {
    public let categories: CategorySchema

    public init(categories: CategorySchema) {
        self.categories = categories
    }

    public init(schemas: CleanupSchemas) {
        self.init(categories: schemas.categories)
    }

    /// The codes of the findings `check(_:)` gives: they need the whole revision, so a re-check
    /// computes them afresh while it may keep the per-item findings stored at import.
    public static let codes: Set<FindingCode> = [.duplicateItem, .claimedByTwoUnits]

    public func check(_ items: [PowerItem]) -> [Finding] {
        // The two checks are independent: at 200,000 items each takes seconds of one core.
        Concurrent.map(2) { check in
            check == 0 ? duplicates(items) : ClaimedByTwoUnitsCheck(categories: categories).findings(items)
        }.flatMap { $0 }
    }

    /// Same unit, same normalized name and sub-item, same category: listed twice.
    func duplicates(_ items: [PowerItem]) -> [Finding] {
        // The first item of each key and category, found by the key's bytes (`TextTable`).
        var first = TextTable(capacity: items.count)
        var findings: [Finding] = []
        for index in items.indices {
            let item = items[index]
            let key = item.key.rawValue + "|" + (item.category?.name ?? item[.category] ?? "")
            let earlierIndex = Int(first.insert(Int32(index), for: key))
            guard earlierIndex != index else { continue }
            let earlier = items[earlierIndex]
            let place = "\(earlier.raw.provenance.sheet) \(earlier.raw.provenance.rowsDescription)"
            findings.append(item.finding(.duplicateItem, .warning,
                                         "\(item.unit.name)重复列出事项\(item.quotedName)（\(item.category?.name ?? "类型不明")），与\(place)相同",
                                         field: .name))
        }
        return findings
    }
}
