import Catalogue

extension BenchmarkRevisions {
    /// Old and new records, and what was planted (in main items).
    mutating func make() -> (old: [PowerItem], new: [PowerItem], planted: String) {
        var old: [PowerItem] = [], new: [PowerItem] = []
        var planted: [String: Int] = [:]
        var index = 0
        var serial = 0
        while index < items {
            let unit = index % 250
            let category = Self.categories[index % Self.categories.count]
            let law = index % Self.laws.count
            let basis = "《\(Self.laws[law])》第\(10 + law)条"
            serial += 1
            let roll = next(100)
            let name = self.name(index)
            func both(_ item: PowerItem) { old.append(item); new.append(item) }
            switch roll {
            case 0 where index + 3 <= items:   // merge 3 → 1: the parts become sub-items of a new item
                let parts = (0..<3).map { self.name(index + $0) }
                for part in parts { old.append(item(part, unit: unit, category: category, serial: serial, basis: basis, law: law)) }
                for part in parts {
                    new.append(item(name + "等三项", unit: unit, category: category, serial: serial, sub: part, basis: basis, law: law))
                }
                planted["merged", default: 0] += 1
                index += 3
                continue
            case 1:   // split 1 → 2
                old.append(item(name, unit: unit, category: category, serial: serial, basis: basis, law: law))
                new.append(item(name + "（设立）", unit: unit, category: category, serial: serial, basis: basis, law: law))
                new.append(item(name + "（变更）", unit: unit, category: category, serial: serial + 100_000, basis: basis, law: law))
                planted["split", default: 0] += 1
            case 2...3:   // renamed
                old.append(item(name, unit: unit, category: category, serial: serial, basis: basis, law: law))
                new.append(item(name.replacingOccurrences(of: "第", with: "第（") + "事项", unit: unit, category: category,
                                serial: serial, basis: basis, law: law))
                planted["renamed", default: 0] += 1
            case 4...5:   // modified basis
                old.append(item(name, unit: unit, category: category, serial: serial, basis: basis, law: law))
                new.append(item(name, unit: unit, category: category, serial: serial, basis: basis + "第一款", law: law))
                planted["modified", default: 0] += 1
            case 6:   // moved to a township
                old.append(item(name, unit: unit, category: category, serial: serial, basis: basis, law: law))
                new.append(item(name, unit: 200 + index % 50, category: category, serial: serial, basis: basis, law: law))
                planted["moved", default: 0] += 1
            case 7:
                old.append(item(name, unit: unit, category: category, serial: serial, basis: basis, law: law))
                new.append(item(name, unit: unit, category: "其他行政权力" == category ? "行政确认" : "其他行政权力",
                                serial: serial, basis: basis, law: law))
                planted["recategorized", default: 0] += 1
            case 8:
                old.append(item(name, unit: unit, category: category, serial: serial, basis: basis, law: law))
                planted["abolished", default: 0] += 1
            case 9:
                new.append(item("新增" + name, unit: unit, category: category, serial: serial, basis: basis, law: law))
                planted["added", default: 0] += 1
            case 10...29:   // an item with sub-items, unchanged
                for sub in ["（新办）", "（延续）"] {
                    both(item(name, unit: unit, category: category, serial: serial, sub: name + sub, basis: basis, law: law))
                }
            default:
                both(item(name, unit: unit, category: category, serial: serial, basis: basis, law: law))
            }
            index += 1
        }
        let text = planted.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return (old, new, text)
    }
}
