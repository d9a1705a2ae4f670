import Catalogue

/// Across levels: a village's 授权委托 and 配合协助 items exercise a township's or county's
/// power, and a township's delegated (下放) items come from a county item; each must trace
/// to that upper power. An item that traces to none is reported.
public enum LevelTrace {
    /// An item whose upper power was not found.
    public struct Untraced: Codable, Hashable, Sendable {
        public var item: ItemKey
        public var name: String
        public var unit: AdminUnit
        public var category: String?
        /// The levels searched.
        public var searched: [Level]
        public var message: String
    }

    /// The categories a village exercises on behalf of an upper level.
    public static let villageCategories: Set<String> = ["授权委托", "配合协助"]
    /// Words that restate the upper power's name in the village's wording: removed before comparing.
    static let helperWords = ["配合", "协助", "做好", "开展", "负责", "工作"]

    /// The untraced items among `items` (one revision, every level), with names compared as
    /// the diff compares them (bigram similarity of at least `threshold`).
    public static func untraced(_ items: [PowerItem], threshold: Double = 0.6) -> [Untraced] {
        let township = items.filter { $0.unit.level == .township }
        let county = items.filter { $0.unit.level == .county }
        let countyIndex = NameIndex(county.map { core($0.name) })
        let upperIndex = NameIndex((township + county).map { core($0.name) })
        var (countyScratch, upperScratch) = (countyIndex.scratch(), upperIndex.scratch())
        var result: [Untraced] = []
        var seen = Set<String>()
        for item in items {
            let category = categoryName(item)
            let found: Bool, levels: [Level]
            if item.unit.level == .village, villageCategories.contains(category ?? "") {
                guard seen.insert("\(item.unit.name)|\(item.name)").inserted else { continue }
                levels = [.township, .county]
                found = upperIndex.best(core(item.name), threshold: threshold, scratch: &upperScratch) != nil
            } else if item.unit.level == .township, isDelegated(item) {
                guard seen.insert("\(item.unit.name)|\(item.name)").inserted else { continue }
                levels = [.county]
                found = countyIndex.best(core(item.name), threshold: threshold, scratch: &countyScratch) != nil
            } else { continue }
            guard !found else { continue }
            result.append(Untraced(item: item.key, name: item.name, unit: item.unit, category: category, searched: levels,
                                   message: "\(item.unit.name)的“\(item.name)”（\(category ?? "未分类")）在"
                                       + levels.map(\.label).joined(separator: "、") + "清单中找不到对应的上级权力"))
        }
        return result
    }

    static func categoryName(_ item: PowerItem) -> String? { item.category?.name ?? item.fields[.category] }

    /// Delegated: its remarks or 实施层级及权限 say 下放.
    static func isDelegated(_ item: PowerItem) -> Bool {
        [ItemField.remarks, .levelAndAuthority].contains { item.fields[$0]?.contains("下放") == true }
    }

    /// The name without the helper words, in one pass over its scalars (this runs once per
    /// item of a workspace: `replacingOccurrences` six times was a third of the trace's time).
    static func core(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if index + 1 < scalars.count, helperPairs.contains(UInt64(scalars[index].value) << 21 | UInt64(scalars[index + 1].value)) {
                index += 2
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        return String(result)
    }

    private static let helperPairs: Set<UInt64> = Set(helperWords.map { word in
        let scalars = Array(word.unicodeScalars)
        return UInt64(scalars[0].value) << 21 | UInt64(scalars[1].value)
    })
}
