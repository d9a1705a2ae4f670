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
        // Powers numbered by the bytes of their keys (`TextTable`), each with the units that
        // list it and the first item of each: a power is listed by one unit or a few.
        var powers = TextTable(capacity: items.count)
        var claims: [[(unit: UTF8Key, item: Int)]] = []
        var scopes = UnitScopes()
        for index in items.indices where categories.group(for: items[index].unit.level)?.exclusive == true {
            let item = items[index]
            guard let category = item.category?.name else { continue }
            // The key without its unit: the normalized name and sub-item, already computed.
            let nameAndSubItem = item.key.rawValue.drop { $0 != "|" }
            let power = Int(powers.insert(Int32(claims.count), for: scopes.scope(of: item.unit) + nameAndSubItem + "|" + category))
            if power == claims.count { claims.append([]) }
            let unit = UTF8Key(item.unit.name)
            if !claims[power].contains(where: { $0.unit == unit }) { claims[power].append((unit, index)) }
        }
        var findings: [Finding] = []
        for claim in claims where claim.count > 1 {
            let names = claim.map(\.unit.text).sorted()
            for unit in names {
                let item = items[claim.first { $0.unit == UTF8Key(unit) }!.item]
                let others = names.filter { $0 != unit }.joined(separator: "、")
                findings.append(item.finding(.claimedByTwoUnits, .warning,
                                             "事项\(item.quotedName)（\(item.category?.name ?? "")）同时由\(others)列出，请明确由哪个单位行使（多头管理）",
                                             field: .name))
            }
        }
        return findings
    }
}

/// `level|jurisdiction` of each unit, worked out once per unit: a township's or village's
/// jurisdiction is found by a regular expression, too slow to run for each of its items.
private struct UnitScopes {
    private var scopes: [Level: [UTF8Key: String]] = [:]

    mutating func scope(of unit: AdminUnit) -> String {
        if let known = scopes[unit.level]?[UTF8Key(unit.name)] { return known }
        let scope = CategorySchema.label(of: unit.level) + "|" + unit.jurisdiction
        scopes[unit.level, default: [:]][UTF8Key(unit.name)] = scope
        return scope
    }
}
