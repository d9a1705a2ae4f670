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

/// Turns grids into power items: finds the table on each sheet, maps columns by header
/// synonyms, groups rows into items and infers the unit and level. Placeholder API.
public struct Importer: Sendable {
    public init() {}

    /// - Parameter displayName: the file name to record in provenance and findings.
    public func importWorkbook(_ workbook: Workbook, displayName: String) -> ImportedWorkbook {
        ImportedWorkbook()
    }
}
