import Catalogue
import Foundation
@testable import Revisions
import TestSupport

/// Small revisions built in code: items of named units, with a category, sub-items, cited
/// laws and remarks when a test needs them.
enum Fixture {
    /// A level above the township, whatever the item model calls it.
    static let county = Level.allCases.first { $0 != .township && $0 != .village }!
    static let statistics = "克拉玛依市统计局"

    static func item(_ name: String, unit: String = statistics, level: Level = county, category: String = "行政处罚",
                     serial: String = "1", sub: String? = nil, code: String? = nil, basis: String? = nil,
                     laws: [(String, Int)] = [], remarks: String? = nil, row: Int = 2) -> PowerItem {
        var fields: FieldValues = [.name: name, .category: category, .serial: serial]
        fields[.subItemName] = sub
        fields[.code] = code
        fields[.basis] = basis
        fields[.remarks] = remarks
        let raw = RawItem(unit: AdminUnit(name: unit, level: level), fields: fields,
                          provenance: Provenance(file: "\(unit).xlsx", sheet: "Sheet1", firstRow: row, lastRow: row))
        let citations = laws.map { title, article in
            Citation(text: "《\(title)》第\(article)条", title: title, articles: [ArticleReference(article: article)])
        }
        return PowerItem(key: ItemKey(unit: unit, name: name, subItem: sub), raw: raw, fields: fields,
                         category: CategoryRef(name: category), citations: citations)
    }

    /// One main item with sub-items (one record each, sharing serial and name).
    static func withSubItems(_ name: String, _ subs: [String], unit: String = statistics, serial: String = "1",
                             category: String = "行政许可") -> [PowerItem] {
        subs.enumerated().map { item(name, unit: unit, category: category, serial: serial, sub: $1, row: 2 + $0) }
    }

    static func compare(_ old: [PowerItem], _ new: [PowerItem], region: Region? = nil,
                        decisions: [Decision] = []) -> ChangeSet {
        RevisionDiff.compare(old: old, new: new, options: .init(oldLabel: "2023", newLabel: "2024", region: region,
                                                              decisions: decisions))
    }
}

extension ChangeSet {
    /// The only change of a kind (nil when there are none or several).
    func single(_ kind: ChangeKind) -> Change? {
        let found = changes(of: kind)
        return found.count == 1 ? found[0] : nil
    }

    var kinds: [ChangeKind: Int] { changes.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 } }
}
