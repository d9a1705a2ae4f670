import Catalogue
import Cleanup
import Foundation
import Publisher
import Revisions
import Schemas
import Sheets
import Store

/// `publish`: fills the site builder's `SiteContent` from a workspace — region, logo and
/// feedback channel from `powerlist.yaml`, the revision's clean items with their history,
/// the changes since a compared revision (diffed in process), the downloads `export` writes —
/// and builds the static site.
public struct SitePublication {
    public struct Options: Sendable {
        /// The revision to publish; nil for the latest.
        public var revision: String?
        /// A revision to compare with, for the changes page.
        public var compare: String?
        /// Adds the findings page (an internal site, not for the public).
        public var internalSite: Bool

        public init(revision: String? = nil, compare: String? = nil, internalSite: Bool = false) {
            self.revision = revision
            self.compare = compare
            self.internalSite = internalSite
        }
    }

    /// What a publication wrote: the figures `publish` and `demo` print.
    public struct Result: Sendable {
        public var output: URL
        public var revision: String
        public var pageCount: Int
        /// Items as a published list counts them.
        public var itemCount: Int
        /// `精简…项，削减…%` when a revision was compared.
        public var reductionText: String?
    }

    public let workspace: Workspace
    public let options: Options

    public init(workspace: Workspace, options: Options = Options()) {
        self.workspace = workspace
        self.options = options
    }

    /// The workspace's own templates (`templates/`), laid over the built-in ones file by file.
    public var overridesFolder: URL { workspace.folder.appendingPathComponent("templates", isDirectory: true) }

    /// Builds the site into `output` (empty, absent, or a site built before).
    public func publish(to output: URL, templates defaults: URL? = SiteTemplates.builtInFolder()) throws -> Result {
        guard let defaults else {
            throw WorkflowError("找不到网站模板文件夹 Templates/site。请设置环境变量 POWERLIST_TEMPLATES 指向它。")
        }
        PublishTiming.begin()
        let label = try publishedLabel()
        // Loaded once: the site's items, its downloads and its history all come from these.
        let stored = try workspace.powerItems(matching: ItemFilter(revision: label))
        PublishTiming.lap("items loaded")
        let downloads = Self.downloads(stored, revision: label, region: try Self.config(of: workspace)?.region)
        // Built beside the output and put in place when complete; the downloads are written
        // there from now on, while the content is read on this thread.
        let staging = try siteStaging(output)
        let pending = staging.map { PendingDownloads(writing: downloads, into: $0.folder) }
        do {
            let content = try content(label: label, stored: stored)
            PublishTiming.lap("content (history, coverage)")
            let overrides = FileManager.default.fileExists(atPath: overridesFolder.path) ? overridesFolder : nil
            let templates = try SiteTemplates(defaults: defaults, overrides: overrides)
            let summary = if let staging, let pending {
                try Site.build(content: content, templates: templates, downloads: pending, staging: staging)
            } else {
                try Site.build(content: content, templates: templates, downloads: downloads, output: output)
            }
            return Result(output: output, revision: content.revision.label, pageCount: summary.pageCount,
                          itemCount: summary.itemCount,
                          reductionText: content.changes?.summary.text)
        } catch {
            pending?.wait()
            staging?.discard()
            throw (error as? SiteError).map { WorkflowError($0.description) } ?? error
        }
    }

    private func siteStaging(_ output: URL) throws -> SiteStaging? {
        do {
            return try SiteStaging.beside(output)
        } catch {
            throw WorkflowError(error.description)
        }
    }

    /// Everything the site shows, read from the workspace.
    public func content() throws -> SiteContent {
        let label = try publishedLabel()
        return try content(label: label, stored: try workspace.powerItems(matching: ItemFilter(revision: label)))
    }

    /// The revision to publish: the one asked for, else the latest.
    private func publishedLabel() throws -> String {
        guard let label = try options.revision ?? workspace.revisions().last?.label else {
            throw WorkflowError("工作区中还没有修订版。请先用 powerlist import 导入清单。")
        }
        try workspace.requireRevision(label)
        return label
    }

    /// The site's content from the published revision's stored items.
    private func content(label: String, stored: [StoredPowerItem]) throws -> SiteContent {
        let revisions = try workspace.revisions()
        let config = try Self.config(of: workspace)
        let items = try cleanItems(stored.map(\.item))
        var known = [label: Set(items.lazy.map(\.key))]
        var changes: SiteChanges?
        var kinds: [ItemKey: ChangeKind] = [:]
        if let old = options.compare {
            try workspace.requireRevision(old)
            let oldItems = try cleanItems(try workspace.powerItems(revision: old))
            known[old] = Set(oldItems.lazy.map(\.key))
            // Diffed here rather than read from the stored pairings: nothing tells whether those
            // are older than a re-import of either revision.
            let set = RevisionDiff.compare(old: oldItems, new: items,
                                           options: .init(oldLabel: old, newLabel: label, region: config?.region))
            changes = SiteChangeMapping.changes(set)
            for change in set.changes { for ref in change.new { kinds[ref.key] = change.kind } }
        }
        let history = try SiteHistory(workspace: workspace, revisions: revisions, compared: options.compare, kinds: kinds, known: known)
        let revision = revisions.first { $0.label == label }
        return SiteContent(
            region: config?.region?.name ?? "本地区",
            logoPath: config?.logo.map { $0.hasPrefix("/") ? $0 : workspace.folder.appendingPathComponent($0).path },
            feedback: config?.feedback.map { FeedbackChannel(phone: $0.phone, address: $0.address, webForm: $0.webForm) },
            revision: SiteRevision(label: label, date: revision?.date.map(SiteHistory.dayText)),
            items: items.map { SiteItem(item: $0, history: history.entries(for: $0)) },
            changes: changes,
            findings: options.internalSite ? try workspace.findings(revision: label) : nil,
            coverage: try SiteCoverageMapping.coverage(workspace: workspace, revision: label, config: config, items: items))
    }

    /// The revision's clean items as stored. A workspace imported before the clean step
    /// resolved categories and citations holds none: those items are cleaned here, in process.
    func cleanItems(_ items: [PowerItem]) throws -> [PowerItem] {
        guard !items.isEmpty, items.allSatisfy({ $0.category == nil && $0.citations.isEmpty }) else { return items }
        let cleaner = Cleaner(schemas: try CleanupSchemas.load(workspace: workspace.folder))
        return cleaner.clean(items.map(\.raw)).items
    }

    /// The CSV, XLSX and JSON of the list: the very files `export` writes (`RevisionExport`),
    /// from the items already loaded, each written straight into the site when its turn comes,
    /// a row at a time: no table or sheet of the whole list is built.
    static func downloads(_ items: [StoredPowerItem], revision: String, region: Region?) -> [Site.Download] {
        let name = "权责清单-\(revision)"
        return [
            Site.Download(fileName: name + ".xlsx", label: "Excel 表格（XLSX）") { file in
                try ItemExport.writeXLSX(items, region: region, sheetName: "事项（\(revision)）", to: file)
            },
            Site.Download(fileName: name + ".csv", label: "逗号分隔文本（CSV）") { file in
                try ItemExport.writeCSV(items, region: region, to: file)
            },
            Site.Download(fileName: name + ".json", label: "结构化数据（JSON）") { file in
                try ItemExport.writeJSON(items, revision: revision, region: region, to: file)
            },
        ]
    }

    static func config(of workspace: Workspace) throws -> WorkspaceConfig? {
        let file = workspace.folder.appendingPathComponent("powerlist.yaml")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return try WorkspaceConfig(url: file)
    }
}
