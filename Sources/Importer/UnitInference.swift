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
/// Level: the config; else a sheet named after a level (`地州级`, `区县级` in a guidance
/// catalogue); else the unit's name: `…乡/镇/街道/街道办事处` → township,
/// `…村/社区/村委会/居委会` → village, anything else a county department.
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
        guard name.hasSuffix("级") || ["地州", "区县", "县区", "乡镇"].contains(name) else { return nil }
        if name.contains("村") || name.contains("社区") { return .village }
        if name.contains("乡") || name.contains("镇") || name.contains("街道") { return .township }
        if name.contains("州") || name.contains("地区") { return .prefecture }
        if name.contains("县") || name.contains("区") { return .countyDepartment }
        if name.contains("市") { return .prefecture }
        return nil
    }

    static func level(unitName: String) -> Level {
        let name = HeaderText.withoutNotes(HeaderText.normalize(unitName))
        if ["村", "社区", "村委会", "居委会", "村民委员会", "居民委员会"].contains(where: name.hasSuffix) { return .village }
        if ["乡", "镇", "街道", "街道办事处", "苏木", "乡人民政府", "镇人民政府"].contains(where: name.hasSuffix) { return .township }
        return .countyDepartment
    }

    /// Reads like the name of a body: ends with an organ word, not a generic `…部门`/`…系统`.
    static func looksLikeUnit(_ text: String) -> Bool {
        let name = HeaderText.withoutNotes(HeaderText.normalize(text))
        guard name.count >= 2, name.count <= 40 else { return false }
        if ["部门", "系统", "单位", "机关"].contains(where: name.hasSuffix) { return false }
        let endings = ["局", "委", "办", "部", "院", "室", "队", "所", "站", "中心", "委员会", "政府", "乡", "镇",
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

    /// Text without any whitespace (titles are often padded: `  克拉玛依市…  `).
    static func compact(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined()
    }
}
