import Catalogue
import Sheets

/// Imports one sheet: finds its table, groups its rows into items, names their unit and
/// checks the count the sheet declares.
struct SheetImporter {
    var sheet: Sheet
    var place: SheetPlace
    var configuration: ImportConfiguration

    struct Result {
        var items: [PowerItem] = []
        var findings: [Finding] = []
        var summary: ImportedSheet
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
        grouper.run()
        var findings = columns.unknownHeaders.map { place.unknownHeader($0.header, cell: $0.cell) }
        if let first = columns.repeatedHeaders.first, let last = columns.repeatedHeaders.last {
            findings.append(place.repeatedColumns(columns.repeatedHeaders.map(\.header), cells: RowGrouper.union(first.cell, last.cell)))
        }
        findings += grouper.findings
        if sheet.isHidden, !grouper.items.isEmpty { findings.append(place.hiddenSheet()) }
        if !grouper.hiddenItemRows.isEmpty { findings.append(place.hiddenRows(grouper.hiddenItemRows)) }

        let (unit, unitFindings) = inferUnit(layout: layout, columns: columns, groups: grouper.items)
        findings += unitFindings
        let assembler = ItemAssembler(columns: columns, unit: unit, place: place,
                                      sheetCategory: configuration.categories.category(inSheetName: sheet.name))
        var items: [PowerItem] = []
        for group in grouper.items {
            let (item, itemFindings) = assembler.item(from: group)
            items.append(item)
            findings += itemFindings
        }
        findings += unlabeledColumns(in: items)

        // Counted as a published list counts: rows with a serial and a name, sub-items once.
        let serialColumn = columns.column(of: .serial)
        let mainCount = grouper.items.filter { group in
            !group.isSubItem && (serialColumn.map { group.values[$0] != nil } ?? true)
        }.count
        if items.isEmpty {
            findings.append(place.noItems(headerCell: "\(layout.headerRow + 1):\(layout.lastHeaderRow + 1)"))
        }
        let declared = declaredCounts(layout: layout)
        for (count, source, cell) in declared where count != mainCount {
            findings.append(place.countMismatch(declared: count, imported: mainCount, source: source, cell: cell))
        }
        let summary = ImportedSheet(name: sheet.name, itemCount: mainCount, skippedBecause: nil,
                                    unit: unit, recordCount: items.count, declaredCount: declared.first?.count,
                                    headerRow: layout.headerRow + 1)
        return Result(items: items, findings: findings, summary: summary)
    }

    private func inferUnit(layout: HeaderLayout, columns: ColumnMap, groups: [GroupedItem]) -> (AdminUnit, [Finding]) {
        let mapping = configuration.mapping(forFile: place.file)
        var findings: [Finding] = []
        let actors = columns.column(of: .actor).map { column in groups.compactMap { $0.values[column]?.text } } ?? []
        let name = mapping?.unit
            ?? layout.titles.lazy.compactMap { UnitInference.unitName(title: $0.text) }.first
            ?? UnitInference.unitName(actors: actors)
            ?? UnitInference.unitName(sheetName: sheet.name)
            ?? UnitInference.unitName(fileName: place.file)
            ?? {
                let stem = UnitInference.fileStem(place.file)
                findings.append(place.unitFromFileName(stem))
                return stem
            }()
        let level = mapping?.level ?? UnitInference.level(sheetName: sheet.name) ?? UnitInference.level(unitName: name)
        return (AdminUnit(name: name, level: level), findings)
    }

    /// Columns with values but no header, once each, at their first value.
    private func unlabeledColumns(in items: [PowerItem]) -> [Finding] {
        var seen: Set<String> = []
        return items.flatMap(\.extraFields).compactMap { extra in
            guard extra.header.hasPrefix(ColumnMap.unlabeledPrefix), seen.insert(extra.header).inserted else { return nil }
            return place.unlabeledColumn(extra.header, cell: extra.cell)
        }
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
