import Catalogue
import Foundation
import Publisher
import Reconcile
import Schemas
import Store

/// The guidance coverage the site shows, from `GuidanceMatcher` as `powerlist reconcile` runs it:
/// the guidance catalogue `powerlist.yaml` names, at its level (else the region's, else the
/// highest level of the list), against the published revision.
enum SiteCoverageMapping {
    static func coverage(workspace: Workspace, revision: String, config: WorkspaceConfig?, items: [PowerItem]) throws -> SiteCoverage? {
        guard let settings = config?.guidance else { return nil }
        let level = settings.level ?? config?.region?.level ?? Level.allCases.first { level in items.contains { $0.unit.level == level } }
        let revisions = try workspace.revisions().map(\.label)
        let source = revisions.contains(settings.file) || settings.file.hasPrefix("/")
            ? settings.file : workspace.folder.appendingPathComponent(settings.file).path
        let outcome = try WorkspaceReconciliation(workspace: workspace, revision: revision).run(guidance: source, level: level)
        let name = revisions.contains(settings.file) ? settings.file : URL(fileURLWithPath: settings.file).lastPathComponent
        return coverage(outcome.reconciliation, name: name)
    }

    /// Plain values from a reconciliation: per unit its matches, and the unclaimed guidance items.
    static func coverage(_ result: Reconciliation, name: String) -> SiteCoverage {
        var matches: [String: [SiteCoverage.Match]] = [:]
        for entry in result.entries where entry.kind == .matched || entry.kind == .differs {
            guard let guide = entry.guidance else { continue }
            let item = guidanceItem(guide, level: entry.level)
            for local in entry.local {
                matches[local.unit.name, default: []].append(SiteCoverage.Match(
                    guidance: item, local: local.itemKeys.first ?? local.key, localName: local.name, differs: entry.kind == .differs))
            }
        }
        let units = result.units.map {
            SiteCoverage.Unit(unit: $0.unit, level: $0.level, guidanceTotal: $0.guidanceTotal, implemented: $0.implemented,
                              matches: matches[$0.unit] ?? [])
        }
        let missing = result.entries.filter { $0.kind == .missing }.compactMap { entry in entry.guidance.map { guidanceItem($0, level: entry.level) } }
        return SiteCoverage(guidanceName: name, guidanceTotal: result.guidanceTotal, implemented: result.implemented,
                            units: units, missing: missing)
    }

    private static func guidanceItem(_ reference: ItemRef, level: Level) -> SiteCoverage.GuidanceItem {
        SiteCoverage.GuidanceItem(name: reference.name, category: reference.category, level: level)
    }
}
