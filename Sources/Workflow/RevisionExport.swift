import Catalogue
import Foundation
import Publisher
import Schemas
import Sheets
import Store

/// Exporting a revision's items as CSV, JSON or XLSX, with the region the workspace config names.
public struct RevisionExport {
    public enum Format: String, CaseIterable, Sendable {
        case csv, json, xlsx
    }

    /// What an export wrote.
    public struct Summary: Sendable {
        /// Items as a published list counts them (`PublishedCount`), and the records written.
        public var itemCount: Int
        public var recordCount: Int
    }

    public let workspace: Workspace
    public let revision: String

    /// - Throws: `StoreError.unknownRevision` when the revision does not exist.
    public init(workspace: Workspace, revision: String) throws {
        try workspace.requireRevision(revision)
        self.workspace = workspace
        self.revision = revision
    }

    /// The export's bytes (XLSX is written to a file: see `write(_:to:)`).
    public func data(_ format: Format) throws -> (data: Data, summary: Summary) {
        let items = try workspace.powerItems(matching: ItemFilter(revision: revision))
        let region = try WorkspaceSettings.region(of: workspace)
        let data: Data = switch format {
        case .csv: ItemExport.csv(ItemTable(items, region: region))
        case .json: try ItemExport.json(items, revision: revision, region: region)
        case .xlsx: throw WorkflowError("导出 XLSX 时必须指定输出文件。")
        }
        return (data, Self.summary(items))
    }

    /// Writes the export to `file`, overwriting it — never the workspace database or a file
    /// the workspace imported. Each row is made as it is written (no table or sheet of the
    /// whole list in memory), into a file beside `file` that replaces it only when complete.
    public func write(_ format: Format, to file: URL) throws -> Summary {
        try OutputFile.check(file, workspace: workspace)
        let items = try workspace.powerItems(matching: ItemFilter(revision: revision))
        let region = try WorkspaceSettings.region(of: workspace)
        switch format {
        case .csv: try OutputFile.replace(file) { try ItemExport.writeCSV(items, region: region, to: $0) }
        case .json: try OutputFile.replace(file) { try ItemExport.writeJSON(items, revision: revision, region: region, to: $0) }
        // The XLSX writer itself replaces `file` only once the archive is complete.
        case .xlsx: try ItemExport.writeXLSX(items, region: region, sheetName: "事项（\(revision)）", to: file)
        }
        return Self.summary(items)
    }

    private static func summary(_ items: [StoredPowerItem]) -> Summary {
        Summary(itemCount: items.lazy.map(\.item.raw).publishedItemCount, recordCount: items.count)
    }
}

/// A failure of a workflow step, worded for the user (Simplified Chinese).
public struct WorkflowError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// What the workspace config says that is not about importing.
public enum WorkspaceSettings {
    /// The region `powerlist.yaml` names, nil when there is no config or it names none.
    /// - Throws: `ConfigurationError` for a config that cannot be read.
    public static func region(of workspace: Workspace) throws -> Region? {
        let file = workspace.folder.appendingPathComponent("powerlist.yaml")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return try WorkspaceConfig(url: file).region
    }
}
