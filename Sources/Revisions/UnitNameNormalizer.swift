import Catalogue

/// Unit names as they are compared: the same body written two ways is one unit, so a reworded
/// 行使主体 is not taken for a move.
///
/// A township written with or without its government (`库木巴什镇人民政府`, `库木巴什镇`) is one unit.
/// `地州市级农业农村局` and `地州市农业农村局` differ only by the 级 after a level word;
/// `市统计局` and `克拉玛依市统计局` differ only by the region's name, which a list of one
/// region may write or leave out. Both reduce to one key. The rules are few on purpose: a
/// looser rule would merge different units (`区统计局` of two districts) in a list of several regions.
public struct UnitNameNormalizer: Sendable {
    /// Region names to strip from the front: `克拉玛依市` and `克拉玛依`.
    private let regionPrefixes: [String]

    public init(region: Region? = nil) {
        guard let name = region.map({ ItemKey.normalized($0.name) }), !name.isEmpty else {
            regionPrefixes = []
            return
        }
        var prefixes = [name]
        if let last = name.last, Self.levelWords.contains(String(last)), name.count > 2 {
            prefixes.append(String(name.dropLast()))
        }
        regionPrefixes = prefixes
    }

    /// The comparison key of a unit name.
    public func key(_ name: String) -> String {
        var text = ItemKey.normalized(name)
        for prefix in regionPrefixes where text.hasPrefix(prefix) && text.count > prefix.count {
            text.removeFirst(prefix.count)
            break
        }
        // `库木巴什镇人民政府` → `库木巴什镇`: a township is named by its government or by itself.
        if text.hasSuffix("人民政府"), let last = text.dropLast(4).last, last == "乡" || last == "镇" {
            text.removeLast(4)
        }
        // `地州市级农业农村局` → `地州市农业农村局`: a 级 right after a level word.
        for word in Self.levelWords {
            text = text.replacingOccurrences(of: word + "级", with: word)
        }
        // `市统计局` → `统计局`: a bare level word left in front of a department's name.
        if let first = text.first, Self.levelWords.contains(String(first)), text.count > 3,
           !regionPrefixes.isEmpty {
            text.removeFirst()
        }
        return text
    }

    private static let levelWords = ["省", "市", "州", "县", "区", "盟", "旗"]
}
