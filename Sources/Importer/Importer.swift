import Catalogue
import Foundation
import Sheets

/// What importing one workbook produced: items with provenance, the units found, and findings.
public struct ImportedWorkbook: Sendable {
    public var items: [PowerItem]
    public var units: [AdminUnit]
    public var findings: [Finding]
    /// One summary per sheet, in workbook order (including skipped sheets).
    public var sheets: [ImportedSheet]

    public init(items: [PowerItem] = [], units: [AdminUnit] = [], findings: [Finding] = [], sheets: [ImportedSheet] = []) {
        self.items = items
        self.units = units
        self.findings = findings
        self.sheets = sheets
    }
}

/// What happened to one sheet.
public struct ImportedSheet: Sendable {
    public var name: String
    public var itemCount: Int
    /// Why the sheet was skipped (empty, no table), nil when items were read from it.
    public var skippedBecause: String?

    public init(name: String, itemCount: Int, skippedBecause: String? = nil) {
        self.name = name
        self.itemCount = itemCount
        self.skippedBecause = skippedBecause
    }
}

/// Everything the importer needs besides the workbook: header synonyms and the other
/// schemas (from `Catalogues/schemas/`, overridable), and the workspace config
/// (region, file → unit/level mappings). Placeholder API.
public struct ImportConfiguration: Sendable {
    public var region: Region?

    public init(region: Region? = nil) {
        self.region = region
    }

    /// Loads the schemas and the workspace config of the workspace in `folder`.
    /// - Throws: an error whose description names the file and line of a bad entry.
    public static func load(workspace folder: URL) throws -> ImportConfiguration {
        ImportConfiguration()
    }
}

/// Turns grids into power items: finds the table on each sheet, maps columns by header
/// synonyms, groups rows into items and infers the unit and level. Placeholder API.
public struct Importer: Sendable {
    public var configuration: ImportConfiguration

    public init(configuration: ImportConfiguration = ImportConfiguration()) {
        self.configuration = configuration
    }

    /// - Parameter displayName: the file name to record in provenance and findings
    ///   (and to look up in the workspace config's file mappings).
    public func importWorkbook(_ workbook: Workbook, displayName: String) -> ImportedWorkbook {
        ImportedWorkbook()
    }
}
