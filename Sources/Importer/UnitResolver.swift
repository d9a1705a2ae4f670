import Catalogue
import Schemas
import Sheets

/// Gives a sheet's items their unit and level, once the whole sheet is read.
///
/// The unit's name, in order of trust: the workspace config (a file mapping), the title
/// above the table, the 行使主体 column, the sheet name, the file name. When the 行使主体
/// values name several bodies (a consolidated list), each item takes the body on its row,
/// and the title (or the file) is recorded as who handed the list in.
///
/// The level, in order of trust: the config, a level the title names (`县级权责清单`), a sheet
/// named after a level (`地州级`), the 实施层级及权限 column (`地州市级`), the unit's name
/// (`…镇人民政府`, `克拉玛依市…局`), the region's level in the config; else county. On a
/// consolidated list a row's township or village name comes first: the row is that body's item.
struct UnitResolver {
    var sheet: Sheet
    var place: SheetPlace
    var layout: HeaderLayout
    var units: SheetUnits
    var configuration: ImportConfiguration

    struct Assignment {
        /// The sheet's unit: the one its items belong to, or on a consolidated list the one that handed it in.
        var unit: AdminUnit
        /// The distinct units of the items, in order of appearance.
        var units: [AdminUnit]
        /// Who handed the list in: the title's unit, else the title, else the file's name.
        var submitter: String?
        var findings: [Finding]
    }

    func assign(to items: inout [RawItem]) -> Assignment {
        let mapping = configuration.mapping(forFile: place.file)
        let titleUnit = layout.titles.lazy.compactMap { UnitInference.unitName(title: $0.text) }.first
        var findings: [Finding] = []
        let name = mapping?.unit ?? titleUnit ?? units.actors.unitName
            ?? UnitInference.unitName(sheetName: sheet.name)
            ?? UnitInference.unitName(fileName: place.file)
            ?? {
                let stem = UnitInference.fileStem(place.file)
                findings.append(place.unitFromFileName(stem))
                return stem
            }()
        let sheetLevel = mapping?.level ?? titleLevel ?? UnitInference.level(sheetName: sheet.name)
        let unit = AdminUnit(name: name, level: sheetLevel ?? units.columnLevel ?? nameLevel(name) ?? defaultLevel)
        let submitter = titleUnit ?? layout.titles.first.map { UnitInference.stripListWords($0.text) }
            ?? UnitInference.fileStem(place.file)

        guard mapping?.unit == nil, let bodyOf = units.bodies(owner: titleUnit) else {
            for index in items.indices { items[index].unit = unit }
            return Assignment(unit: unit, units: items.isEmpty ? [] : [unit], submitter: submitter, findings: findings)
        }
        let distinct = assign(bodyOf, sheetUnit: unit, sheetLevel: sheetLevel, to: &items)
        return Assignment(unit: unit, units: distinct, submitter: submitter, findings: findings)
    }

    /// Gives each item of a consolidated list the body on its row; returns the distinct units
    /// in order of appearance.
    private func assign(_ bodyOf: [String: String], sheetUnit unit: AdminUnit, sheetLevel: Level?,
                        to items: inout [RawItem]) -> [AdminUnit] {
        var distinct: [AdminUnit] = []
        var seen = Set<AdminUnit>()
        // A consolidated list names a few hundred bodies over many thousand rows.
        var known: [BodyOnRow: AdminUnit] = [:]
        for (index, row) in units.rowUnits(bodyOf).enumerated() where items.indices.contains(index) {
            guard let body = row.body else {
                items[index].unit = unit
                if seen.insert(unit).inserted { distinct.append(unit) }
                continue
            }
            let key = BodyOnRow(body: body, level: row.level)
            if let known = known[key] {
                items[index].unit = known
                continue
            }
            let rowUnit = AdminUnit(name: body, level: level(ofBody: body, row: row.level, sheet: sheetLevel))
            known[key] = rowUnit
            items[index].unit = rowUnit
            if seen.insert(rowUnit).inserted { distinct.append(rowUnit) }
        }
        return distinct
    }

    private struct BodyOnRow: Hashable {
        var body: String
        var level: Level?
    }

    /// A body's level on a consolidated list: its name when that names a township or village,
    /// else the level its row states, the sheet's, or its name's.
    private func level(ofBody body: String, row: Level?, sheet: Level?) -> Level {
        let named = nameLevel(body)
        if named == .township || named == .village { return named! }
        return row ?? sheet ?? named ?? defaultLevel
    }

    /// A level the title names in words (`县级`, `乡镇`, `地州市级`), not the place it begins with.
    private var titleLevel: Level? {
        for title in layout.titles {
            let text = UnitInference.compact(title.text)
            for (alias, level) in UnitInference.levelWords where text.contains(alias) { return level }
        }
        return nil
    }

    private func nameLevel(_ name: String) -> Level? {
        UnitInference.level(unitName: name, region: configuration.region)
    }

    private var defaultLevel: Level { configuration.region?.level ?? .county }
}
