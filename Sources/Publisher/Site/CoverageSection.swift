import Catalogue
import Foundation

/// The guidance coverage as the home page and each unit page show it: the rate and counts,
/// the guidance items a unit implements with the local item that does, and the guidance items
/// of its level no unit implements (缺项), which a reader should ask about.
enum CoverageSection {
    /// The total and a row per unit: how many guidance items it carries, linked to its page.
    static func home(_ coverage: SiteCoverage, model: SiteModel) -> TemplateObject {
        let slugs = Dictionary(model.units.map { ($0.name, $0.slug) }, uniquingKeysWith: { first, _ in first })
        let units = coverage.units.compactMap { unit -> TemplateObject? in
            guard let slug = slugs[unit.unit] else { return nil }
            // A unit's count only: its share of the level's whole catalogue ("2/194, 1.0%") reads
            // as a failing grade, though the catalogue is shared among all the level's units.
            return ["name": .text(unit.unit), "href": .text(PageContext.Path.unit(slug)), "level": .text(unit.level.label),
                    "implemented": .number(unit.implemented)]
        }
        return totals(coverage).merging(["units": .rows(units), "hasUnits": .flag(!units.isEmpty)])
    }

    /// One unit's figures, matches and the missing items of its level; nil when the unit has
    /// no guidance items at its level (the catalogue says nothing about it).
    static func unit(_ name: String, _ coverage: SiteCoverage, model: SiteModel) -> TemplateObject? {
        guard let unit = coverage.units.first(where: { $0.unit == name }), unit.guidanceTotal > 0 else { return nil }
        let published = Set(model.items.map(\.item.key))
        let matches = unit.matches.map { match -> TemplateObject in
            var row = guidanceRow(match.guidance)
            row["localName"] = .text(match.localName)
            row["localHref"] = .text(published.contains(match.local) ? "../" + PageContext.Path.item(match.local.slug) : "")
            row["differs"] = .flag(match.differs)
            return row
        }
        let missing = coverage.missing.filter { $0.level == unit.level }.map { item -> TemplateObject in
            var row = guidanceRow(item)
            row["searchHref"] = .text("../search.html?q=" + (item.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            return row
        }
        return totals(coverage).merging([
            "unitImplemented": .number(unit.implemented), "unitTotal": .number(unit.guidanceTotal),
            "unitLevel": .text(unit.level.label),
            "matches": .rows(matches), "hasMatches": .flag(!matches.isEmpty),
            "missing": .rows(missing), "missingCount": .number(missing.count), "hasMissing": .flag(!missing.isEmpty),
        ])
    }

    private static func totals(_ coverage: SiteCoverage) -> TemplateObject {
        ["guidanceName": .text(coverage.guidanceName), "total": .number(coverage.guidanceTotal),
         "implemented": .number(coverage.implemented), "rate": .text(SiteCoverage.percent(coverage.rate)),
         "missingTotal": .number(coverage.missing.count)]
    }

    /// Every key set, even to "": a missing one would show the enclosing page's value.
    private static func guidanceRow(_ item: SiteCoverage.GuidanceItem) -> TemplateObject {
        ["guidanceName": .text(item.name), "guidanceCategory": .text(item.category ?? ""), "guidanceLevel": .text(item.level.label)]
    }
}
