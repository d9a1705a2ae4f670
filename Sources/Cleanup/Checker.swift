import Catalogue
import Schemas

/// The rules across items, each blocked by a key so the work stays linear in the number of
/// items: duplicates inside a unit, and one power claimed by two units (多头) at a level where
/// a power belongs to one unit (`exclusive` in `categories.yaml`).
public struct Checker: Sendable {
    public let categories: CategorySchema

    public init(categories: CategorySchema) {
        self.categories = categories
    }

    public init(schemas: CleanupSchemas) {
        self.init(categories: schemas.categories)
    }

    public func check(_ items: [PowerItem]) -> [Finding] {
        duplicates(items) + claimedByTwoUnits(items)
    }

    /// Same unit, same normalized name and sub-item, same category: listed twice.
    func duplicates(_ items: [PowerItem]) -> [Finding] {
        var first: [[UInt8]: Int] = [:]
        var findings: [Finding] = []
        for (index, item) in items.enumerated() {
            let block = Self.block(item.key.rawValue + "|" + (item.category?.name ?? item[.category] ?? ""))
            guard let earlierIndex = first[block] else {
                first[block] = index
                continue
            }
            let earlier = items[earlierIndex]
            let place = "\(earlier.raw.provenance.sheet) \(earlier.raw.provenance.rowsDescription)"
            findings.append(item.finding(.duplicateItem, .warning,
                                         "\(item.unit.name)重复列出事项\(item.quotedName)（\(item.category?.name ?? "类型不明")），与\(place)相同",
                                         field: .name))
        }
        return findings
    }

    /// One power (normalized name + sub-item + category) listed by two units of an exclusive level.
    func claimedByTwoUnits(_ items: [PowerItem]) -> [Finding] {
        var units: [[UInt8]: [String: Int]] = [:]
        var order: [[UInt8]] = []
        for (index, item) in items.enumerated() where categories.group(for: item.unit.level)?.exclusive == true {
            guard let category = item.category?.name else { continue }
            // The key without its unit: the normalized name and sub-item, already computed.
            let nameAndSubItem = item.key.rawValue.drop { $0 != "|" }
            let power = Self.block(CategorySchema.label(of: item.unit.level) + nameAndSubItem + "|" + category)
            if units[power] == nil { order.append(power) }
            if units[power, default: [:]][item.unit.name] == nil { units[power, default: [:]][item.unit.name] = index }
        }
        var findings: [Finding] = []
        for power in order {
            guard let claims = units[power], claims.count > 1 else { continue }
            let names = claims.keys.sorted()
            for unit in names {
                let item = items[claims[unit]!]
                let others = names.filter { $0 != unit }.joined(separator: "、")
                findings.append(item.finding(.claimedByTwoUnits, .warning,
                                             "事项\(item.quotedName)（\(category(of: item))）同时由\(others)列出，请明确由哪个单位行使（多头管理）",
                                             field: .name))
            }
        }
        return findings
    }

    /// A block key as bytes: hashing a Chinese `String` normalizes it first, hashing its UTF-8
    /// bytes does not, and the keys are already normalized.
    private static func block(_ text: String) -> [UInt8] { Array(text.utf8) }

    private func category(of item: PowerItem) -> String { item.category?.name ?? "" }
}
