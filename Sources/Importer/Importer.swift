import Schemas
import Catalogue
import Foundation
import Sheets

/// What importing one workbook produced: items with provenance, the units found, and findings.
public struct ImportedWorkbook: Sendable {
    /// One record per item, or per sub-item row (see `RawItem`), in sheet order.
    public var items: [RawItem]
    /// The distinct units of the items, in order of appearance (one per level when a file
    /// lists several levels).
    public var units: [AdminUnit]
    public var findings: [Finding]
    /// One summary per sheet, in workbook order (including skipped sheets).
    public var sheets: [ImportedSheet]
    /// Who handed the file in: the unit its (first) title names, else that title, else the
    /// file's name. On a consolidated list it differs from the items' units.
    public var submitter: String?

    public init(items: [RawItem] = [], units: [AdminUnit] = [], findings: [Finding] = [], sheets: [ImportedSheet] = []) {
        self.items = items
        self.units = units
        self.findings = findings
        self.sheets = sheets
    }

    /// Items as a published list counts them (`publishedItemCount`, sheet by sheet).
    public var itemCount: Int { sheets.reduce(0) { $0 + $1.itemCount } }

    /// True when the items belong to several units named on their rows (a consolidated list).
    public var isConsolidated: Bool { sheets.contains { $0.units.count > 1 } }
}

/// What happened to one sheet.
public struct ImportedSheet: Sendable {
    public var name: String
    /// Items as a published list counts them: see `publishedItemCount`.
    public var itemCount: Int
    /// Why the sheet was skipped (empty, no table), nil when items were read from it.
    public var skippedBecause: String?
    /// The unit (and level) the sheet's items were given; on a consolidated list, the unit
    /// that handed it in.
    public var unit: AdminUnit?
    /// The distinct units of the sheet's items, in order of appearance: one, or on a
    /// consolidated list the unit on each row.
    public var units: [AdminUnit] = []
    /// Who handed the sheet in (see `ImportedWorkbook.submitter`).
    public var submitter: String?
    /// `RawItem` records read: one per item and per further sub-item row.
    public var recordCount: Int
    /// The count stated in the sheet name or title (`行政许可（3项）`), if any.
    public var declaredCount: Int?
    /// The (first) header row, 1-based as in Excel.
    public var headerRow: Int?

    public init(name: String, itemCount: Int, skippedBecause: String? = nil, unit: AdminUnit? = nil,
                recordCount: Int? = nil, declaredCount: Int? = nil, headerRow: Int? = nil) {
        self.name = name
        self.itemCount = itemCount
        self.skippedBecause = skippedBecause
        self.unit = unit
        self.recordCount = recordCount ?? itemCount
        self.declaredCount = declaredCount
        self.headerRow = headerRow
    }
}

/// Turns grids into power items: finds the table on each sheet, maps columns by header
/// synonyms, groups rows into items and infers the unit and level.
///
/// Never fails: what cannot be read becomes a finding that names the file, sheet and cell.
public struct Importer: Sendable {
    public var configuration: ImportConfiguration

    public init(configuration: ImportConfiguration = ImportConfiguration()) {
        self.configuration = configuration
    }

    /// - Parameter displayName: the file name to record in provenance and findings
    ///   (and to look up in the workspace config's file mappings).
    public func importWorkbook(_ workbook: Workbook, displayName: String) -> ImportedWorkbook {
        var result = ImportedWorkbook()
        var reportedHeaders: Set<String> = []
        for sheet in workbook.sheets {
            let place = SheetPlace(file: displayName, sheet: sheet.name)
            let imported = SheetImporter(sheet: sheet, place: place, configuration: configuration,
                                         reportedHeaders: reportedHeaders).run()
            // Most files have one sheet: take its items as they are rather than copy them all.
            if result.items.isEmpty { result.items = imported.items } else { result.items += imported.items }
            result.sheets.append(imported.summary)
            for unit in imported.summary.units where !result.units.contains(unit) {
                result.units.append(unit)
            }
            if result.submitter == nil { result.submitter = imported.summary.submitter }
            // An unknown header is reported once per file, however many sheets repeat it
            // (told apart by the header itself, never by a finding's message).
            reportedHeaders.formUnion(imported.reportedHeaders)
            result.findings += imported.findings
        }
        return result
    }
}
