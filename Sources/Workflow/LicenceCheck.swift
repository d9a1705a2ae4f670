import Catalogue
import Foundation
import Reconcile
import Schemas
import Store

/// The licence lists a workspace configures (`licences` in `powerlist.yaml`) with the rule
/// they enforce (`licences.yaml`): `check` reports each local 行政许可 missing from them as an
/// error, and `reconcile` lists the same findings.
///
/// ```swift
/// let findings = try LicenceCheck.load(workspace: folder)?.findings(items) ?? []
/// ```
public struct LicenceCheck: Sendable {
    public let list: LicenceList
    public let rule: LicenceRule

    public init(list: LicenceList, rule: LicenceRule) {
        self.list = list
        self.rule = rule
    }

    /// The configured lists, read once; nil when `powerlist.yaml` is absent or names none.
    /// - Throws: `ConfigurationError` for a bad config or rule file, `ReconcileError` for a
    ///   list that cannot be read or has no name column.
    public static func load(workspace folder: URL) throws -> LicenceCheck? {
        let config = folder.appendingPathComponent("powerlist.yaml")
        guard FileManager.default.fileExists(atPath: config.path) else { return nil }
        let paths = try WorkspaceConfig(url: config).licences
        guard !paths.isEmpty else { return nil }
        let lists = try paths.map { try LicenceList.read(URL(fileURLWithPath: $0, relativeTo: folder)) }
        return LicenceCheck(list: LicenceList(names: lists.flatMap(\.names)), rule: try LicenceRule.load(workspace: folder))
    }

    public func findings(_ items: [PowerItem]) -> [Finding] {
        list.findings(items, rule: rule)
    }
}
