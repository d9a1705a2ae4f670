import Catalogue
import Concurrency
import Schemas
import Sheets

/// Imports one sheet: finds its table, groups its rows into items, names their unit and
/// checks the count the sheet declares.
struct SheetImporter {
    var sheet: Sheet
    var place: SheetPlace
    var configuration: ImportConfiguration
    /// Headers (known or unlabeled columns) already reported for this file: reported once per file.
    var reportedHeaders: Set<String> = []

    struct Result {
        var items: [RawItem] = []
        var findings: [Finding] = []
        var summary: ImportedSheet
        /// The unknown headers this sheet reported.
        var reportedHeaders: [String] = []
    }

    func run() -> Result {
        guard sheet.cellCount > 0 else {
            return Result(findings: [place.emptySheet()], summary: ImportedSheet(name: sheet.name, itemCount: 0, skippedBecause: "工作表为空"))
        }
        guard let layout = HeaderDetector(schema: configuration.headers).detect(in: sheet) else {
            return Result(findings: [place.noTable()],
                          summary: ImportedSheet(name: sheet.name, itemCount: 0, skippedBecause: "找不到权责清单表头（如“序号”“事项名称”“权力类型”）"))
        }
        let columns = ColumnMap(layout: layout, schema: configuration.headers)
        var grouper = RowGrouper(sheet: sheet, columns: columns, schema: configuration.headers,
                                 firstDataRow: layout.lastHeaderRow + 1, place: place)
        let assembler = ItemAssembler(columns: columns, place: place,
                                      sheetCategory: configuration.categories.category(inSheetName: sheet.name))
        let actorColumn = columns.column(of: .actor), levelColumn = columns.column(of: .levelAndAuthority)
        // Rows are grouped on this thread while the groups already ended become items on
        // another (each group as soon as it ends, so a large sheet's groups are never all in
        // memory next to its items): grouping and assembling were the importer's two halves.
        var assembled = Concurrent.handOff(state: AssembledItems(place: place, reported: reportedHeaders),
                                           produce: { grouper.run($0) }) { assembled, groups in
            for group in groups {
                let (item, findings) = assembler.item(from: group)
                assembled.findings += findings
                assembled.unlabeled.note(item)
                assembled.units.note(actor: actorColumn.flatMap { group.values[$0]?.text },
                                     levelText: levelColumn.flatMap { group.values[$0]?.text })
                assembled.counted.append(PublishedCount.Record(item))
                assembled.items.append(item)
            }
        }
        // Taken out, so that naming the units below changes the items in place, not a copy.
        var items = assembled.items
        assembled.items = []
        let itemFindings = assembled.findings, unlabeled = assembled.unlabeled, units = assembled.units

        let newHeaders = columns.unknownHeaders.filter { !reportedHeaders.contains($0.header) }
        var findings = newHeaders.map { place.unknownHeader($0.header, cell: $0.cell) }
        if let first = columns.repeatedHeaders.first, let last = columns.repeatedHeaders.last {
            findings.append(place.repeatedColumns(columns.repeatedHeaders.map(\.header), cells: Self.union(first.cell, last.cell)))
        }
        findings += grouper.findings
        if sheet.isHidden, !items.isEmpty { findings.append(place.hiddenSheet()) }
        if !grouper.hiddenItemRows.isEmpty { findings.append(place.hiddenRows(grouper.hiddenItemRows)) }

        // Only now are the units known (a sheet's may be its most frequent 行使主体).
        let assigned = UnitResolver(sheet: sheet, place: place, layout: layout, units: units,
                                    configuration: configuration).assign(to: &items)
        let unit = assigned.unit
        findings += assigned.findings
        var count = PublishedCount()
        for (index, record) in assembled.counted.enumerated() {
            count.add(PublishedCount.Entry(unit: items[index].unit.name, file: place.file, sheet: place.sheet, record: record))
        }
        let mainCount = count.count
        findings += itemFindings
        findings += unlabeled.findings

        if items.isEmpty {
            let header = CellRange(first: CellAddress(row: layout.headerRow, column: columns.columns.first ?? 0),
                                   last: CellAddress(row: layout.lastHeaderRow, column: columns.columns.last ?? 0))
            findings.append(place.noItems(headerCell: header.reference))
        }
        let declared = declaredCounts(layout: layout)
        for (count, source, cell) in declared where count != mainCount {
            findings.append(place.countMismatch(declared: count, imported: mainCount, source: source, cell: cell))
        }
        var summary = ImportedSheet(name: sheet.name, itemCount: mainCount, skippedBecause: nil,
                                    unit: unit, recordCount: items.count, declaredCount: declared.first?.count,
                                    headerRow: layout.headerRow + 1)
        summary.units = assigned.units
        summary.submitter = assigned.submitter
        return Result(items: items, findings: findings, summary: summary,
                      reportedHeaders: newHeaders.map(\.header) + unlabeled.reportedHeaders)
    }

    /// The smallest range holding two header cells (`Q3` + `T3` → `Q3:T3`).
    private static func union(_ a: String, _ b: String) -> String {
        guard let first = CellRange(a), let second = CellRange(b) else { return a }
        return first.joined(with: second).description
    }

    /// Counts stated in the sheet name and in the titles, with where they were stated.
    private func declaredCounts(layout: HeaderLayout) -> [(count: Int, source: String, cell: String?)] {
        var counts: [(Int, String, String?)] = []
        if let count = DeclaredCounts.count(in: sheet.name) {
            counts.append((count, "工作表名“\(sheet.name)”", nil))
        }
        if let title = layout.titles.first(where: { DeclaredCounts.count(in: $0.text) != nil }),
           let count = DeclaredCounts.count(in: title.text) {
            counts.append((count, "标题“\(HeaderText.trimmed(title.text))”", title.address.description))
        }
        return counts
    }
}

/// What the assembling thread makes of a sheet's groups, in sheet order.
private struct AssembledItems {
    var items: [RawItem] = []
    /// The assembler's findings, item by item.
    var findings: [Finding] = []
    var unlabeled: UnlabeledColumns
    var units = SheetUnits()
    /// What the published count reads of each item, read here rather than on the grouping thread.
    var counted: [PublishedCount.Record] = []

    init(place: SheetPlace, reported: Set<String>) {
        unlabeled = UnlabeledColumns(place: place, reported: reported)
    }
}

/// Columns with values but no header, reported once each, at their first value.
private struct UnlabeledColumns {
    var place: SheetPlace
    private(set) var findings: [Finding] = []
    private(set) var reportedHeaders: [String] = []
    private var seen: Set<String>

    init(place: SheetPlace, reported: Set<String>) {
        self.place = place
        seen = reported
    }

    mutating func note(_ item: RawItem) {
        for extra in item.extraFields where extra.header.hasPrefix(ColumnMap.unlabeledPrefix) {
            guard seen.insert(extra.header).inserted else { continue }
            reportedHeaders.append(extra.header)
            findings.append(place.unlabeledColumn(extra.header, cell: extra.cell))
        }
    }
}
