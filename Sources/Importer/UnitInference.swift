import Schemas
import Catalogue
import Foundation

/// Which unit a sheet's items belong to and at which level.
///
/// Trust order for the unit's name: the workspace config (`powerlist.yaml` files → unit),
/// the title above the table (`克拉玛依市商务局2024年权责清单`), the 行使主体 column, the sheet
/// name, the file name. A name only counts when it reads like a body (`…局`, `…办公室`,
/// `…镇`, `…社区`); a title such as `人防系统权责清单` does not.
///
/// Level, in this order of trust: the config (a file mapping), the title, a sheet named after
/// a level (`地州级`, `区县级` in a guidance catalogue), the 实施层级及权限 column (`地州市级`),
/// the unit's name (see `level(unitName:region:)`); else the region's level, else county.
enum UnitInference {
    /// Where a unit's name was found, for the record.
    enum Evidence: String { case config, title, actor, sheetName, fileName }

    static func unitName(title: String) -> String? {
        let candidate = stripListWords(title)
        return looksLikeUnit(candidate) ? candidate : nil
    }

    /// The most frequent 行使主体 value that reads like a body.
    static func unitName(actors: [String]) -> String? {
        var tally = ActorTally()
        for actor in actors { tally.add(actor) }
        return tally.unitName
    }

    /// The 行使主体 values of a sheet, counted as its items are read.
    struct ActorTally {
        private var counts: [String: Int] = [:]
        private var order: [String] = []

        mutating func add(_ actor: String) {
            if let index = counts.index(forKey: actor) {
                counts.values[index] += 1
            } else {
                counts[actor] = 1
                order.append(actor)
            }
        }

        /// The distinct values that read like a body, compacted, in order of appearance.
        var bodies: [String] {
            order.map(UnitInference.compact).filter(UnitInference.looksLikeUnit)
        }

        func count(of actor: String) -> Int { counts[actor, default: 0] }

        /// The most frequent value that reads like a body (the first of equals).
        var unitName: String? {
            // Check each distinct value once: a sheet repeats the same 行使主体 on every row.
            order.filter { UnitInference.looksLikeUnit(UnitInference.compact($0)) }
                .max { counts[$0, default: 0] < counts[$1, default: 0] }
                .map(UnitInference.compact)
        }
    }

    static func unitName(sheetName: String) -> String? {
        let candidate = stripListWords(sheetName)
        return looksLikeUnit(candidate) && level(sheetName: sheetName) == nil ? candidate : nil
    }

    /// The file name without folders, extension, copy marks (`(1)`), years and list words.
    static func unitName(fileName: String) -> String? {
        let candidate = stripListWords(fileStem(fileName))
        return looksLikeUnit(candidate) ? candidate : nil
    }

    /// The last resort: the file name's stem, even when it does not read like a body.
    static func fileStem(_ fileName: String) -> String {
        var stem = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
        stem = stem.replacingOccurrences(of: #"\s*[(（]\d+[)）]\s*$"#, with: "", options: .regularExpression)
        return compact(stem)
    }

    /// A level named by a sheet: `地州级`, `区县级`, `乡镇级`, `村（社区）级` (a sheet named
    /// after a body, such as `某某街道`, names a unit instead).
    static func level(sheetName: String) -> Level? {
        let name = HeaderText.withoutNotes(HeaderText.normalize(sheetName))
        if let level = Level(alias: name) { return level }
        guard name.hasSuffix("级") || ["地州", "区县", "县区", "乡镇"].contains(name) else { return nil }
        if name.contains("村") || name.contains("社区") { return .village }
        if name.contains("乡") || name.contains("镇") || name.contains("街道") { return .township }
        if name.contains("州") || name.contains("地区") { return .city }
        if name.contains("县") || name.contains("区") { return .county }
        if name.contains("市") { return .city }
        return nil
    }

    /// The level a 实施层级及权限 value begins with (`地州市级：负责…` → `.city`), nil when
    /// it names none (`全部`, a sentence).
    static func level(levelColumn text: String) -> Level? {
        let compact = compact(text)
        for (alias, level) in leadingAliases where compact.hasPrefix(alias) { return level }
        return nil
    }

    /// The labels and aliases that name a level in words (`县级`, `乡镇`, `地州市级`), longest
    /// first, for reading a level out of a title.
    static let levelWords: [(String, Level)] = leadingAliases.filter { alias, _ in
        alias.hasSuffix("级") || alias.hasPrefix("乡镇") || alias == "街道"
    }

    /// Every label and alias of every level, longest first (`县市区级` before `县`), without
    /// the one-character ones that begin ordinary words.
    private static let leadingAliases: [(String, Level)] = Level.allCases
        .flatMap { level in ([level.label] + level.aliases).map { ($0, level) } }
        .filter { $0.0.count >= 2 }
        .sorted { $0.0.count > $1.0.count }

    /// The level a unit's name implies, nil when it implies none:
    /// `…乡/镇/街道/街道办事处` → township, `…村/社区/村委会/居委会` → village; a name beginning
    /// with the region's name takes the region's level; else the first place word decides —
    /// `克拉玛依市…`, `市…` (a city department), `…州…`, `…地区…` → city; `…县…`, `…区…` → county.
    /// (A county-level city's departments, `奎屯市…局`, read as city: the config's region
    /// `level` or a file mapping corrects that.)
    static func level(unitName: String, region: Region? = nil) -> Level? {
        let name = HeaderText.withoutNotes(HeaderText.normalize(unitName))
        if ["村", "社区", "村委会", "居委会", "村民委员会", "居民委员会"].contains(where: name.hasSuffix) { return .village }
        if ["乡", "镇", "街道", "街道办事处", "苏木", "乡人民政府", "镇人民政府", "街道办"].contains(where: name.hasSuffix) {
            return .township
        }
        if let region, let level = region.level, name.hasPrefix(region.name) { return level }
        guard let marker = placeMarker(in: name) else { return nil }
        if name[..<marker].hasSuffix("地") { return .city }  // 地区
        return "市州".contains(name[marker]) ? .city : .county
    }

    /// The place word (`市`, `州`, `县`, `区`, `旗`) that ends the place a name begins with:
    /// `克拉玛依市商务局`, `和布克赛尔蒙古自治县水利局`, or a bare `市…`/`县…` (`市委宣传部`) — not the
    /// `市` of `市场监督管理局` nor the `市` of `城市管理局` (a place has at least two characters).
    static func placeMarker(in name: String) -> String.Index? {
        let markers = "市州县区旗"
        if let first = name.first, markers.contains(first), name.count > 2,
           !["市场", "区域"].contains(where: name.hasPrefix) {
            return name.startIndex
        }
        guard let marker = name.prefix(12).dropFirst(2).firstIndex(where: { markers.contains($0) }),
              name[marker...].dropFirst().first != "场" else { return nil }
        return marker
    }

    /// Reads like the name of a body: ends with an organ word, not a generic `…部门`/`…系统`.
    static func looksLikeUnit(_ text: String) -> Bool {
        let name = HeaderText.withoutNotes(HeaderText.normalize(text))
        guard name.count >= 2, name.count <= 40 else { return false }
        if ["部门", "系统", "单位", "机关"].contains(where: name.hasSuffix) { return false }
        let endings = ["局", "委", "办", "部", "院", "室", "队", "所", "站", "中心", "委员会", "政府", "乡", "镇", "联合社", "合作社",
                       "街道", "街道办事处", "村", "社区", "村委会", "居委会", "厅", "会", "馆", "处", "署", "团", "苏木"]
        return endings.contains(where: name.hasSuffix)
    }

    /// `2024年克拉玛依市商务局权责清单（20项）` → `克拉玛依市商务局`.
    static func stripListWords(_ text: String) -> String {
        var name = compact(text)
        for marker in ["权力和责任清单", "权责清单", "权力清单", "责任清单", "清单", "指导目录", "目录"] {
            if let range = name.range(of: marker) { name = String(name[..<range.lowerBound]) }
        }
        let year = #"\d{4}\s*年度?"#
        name = name.replacingOccurrences(of: "^" + year, with: "", options: .regularExpression)
        name = name.replacingOccurrences(of: year + "$", with: "", options: .regularExpression)
        name = name.replacingOccurrences(of: #"[(（][^()（）]*项[)）]$"#, with: "", options: .regularExpression)
        return name.trimmingCharacters(in: CharacterSet(charactersIn: "-—_:：,，、.。 "))
    }

    /// Text without any whitespace (titles are often padded: `  克拉玛依市…  `). Text with none
    /// comes back as it is, without splitting it into characters: every item's 行使主体 and
    /// 实施层级 pass here.
    static func compact(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: HeaderText.isWhitespace) else { return text }
        return text.split(whereSeparator: \.isWhitespace).joined()
    }
}
