import Catalogue
import Schemas

/// 多头: one power (normalized name + sub-item + category) listed by two units of one
/// jurisdiction (`AdminUnit.jurisdiction`) at a level where a power belongs to one unit
/// (`exclusive` in `categories.yaml`). Two county departments listing a power is 多头; two
/// townships each listing a township power is not — each township has its own — but two
/// offices of one township listing it is.
struct ClaimedByTwoUnitsCheck {
    let categories: CategorySchema

    func findings(_ items: [PowerItem]) -> [Finding] {
        var units: [[UInt8]: [String: Int]] = [:]
        var order: [[UInt8]] = []
        for (index, item) in items.enumerated() where categories.group(for: item.unit.level)?.exclusive == true {
            guard let category = item.category?.name else { continue }
            // The key without its unit: the normalized name and sub-item, already computed.
            let nameAndSubItem = item.key.rawValue.drop { $0 != "|" }
            let power = Checker.block(CategorySchema.label(of: item.unit.level) + "|" + item.unit.jurisdiction
                                      + nameAndSubItem + "|" + category)
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
                                             "事项\(item.quotedName)（\(item.category?.name ?? "")）同时由\(others)列出，请明确由哪个单位行使（多头管理）",
                                             field: .name))
            }
        }
        return findings
    }
}
