import Catalogue
import Sheets

/// Turns a group of rows into a `RawItem`: columns to fields or extra fields, each with
/// the cell it came from.
struct ItemAssembler {
    var columns: ColumnMap
    var place: SheetPlace
    /// The category a sheet is named after (`行政许可（11项）`), for items that leave it empty.
    var sheetCategory: String?

    /// The item comes without its unit (`unitToBeNamed`): a sheet's unit may be named after
    /// its items' 行使主体, so it is known only once the whole sheet is read.
    func item(from group: GroupedItem) -> (item: RawItem, findings: [Finding]) {
        var fields = FieldValues(minimumCapacity: group.values.count)
        var cells = FieldValues(minimumCapacity: group.values.count)
        var extras: [ExtraField] = []
        var repeats: [(field: ItemField, header: String, value: CellText)] = []
        var findings: [Finding] = []

        for (column, value) in group.values.entries {
            switch columns.role(of: column) {
            case .field(let field):
                fields[field] = value.text
                cells[field] = value.reference
            case .extra(let header):
                extras.append(ExtraField(header: header, value: value.text, cell: value.reference))
            case .repeated(let field, let header):
                repeats.append((field, header, value))
            }
        }
        // A repeated column adds nothing when it says what the first column says.
        for (field, header, value) in repeats where fields[field].map(Self.compact) != Self.compact(value.text) {
            extras.append(ExtraField(header: "\(header)（重复列）", value: value.text, cell: value.reference))
        }
        // An empty legal basis is the one empty field a finding points at (check.missing-basis):
        // keep its cells over the item's rows so the reviewer is led to where it belongs.
        if fields[.basis] == nil, let column = columns.column(of: .basis) {
            cells[.basis] = CellRange(first: CellAddress(row: group.firstRow, column: column),
                                      last: CellAddress(row: group.lastRow, column: column)).reference
        }
        if fields[.category] == nil, let sheetCategory {
            fields[.category] = sheetCategory
            // With no 权力类型 column, the finding points at the item's name, the cell a reviewer looks for.
            let column = columns.column(of: .category) ?? columns.column(of: .name) ?? group.values.entries.first?.column ?? 0
            findings.append(place.categoryFromSheetName(sheetCategory, cell: CellAddress(row: group.firstRow, column: column).reference))
        }
        let provenance = Provenance(file: place.file, sheet: place.sheet,
                                    firstRow: group.firstRow + 1, lastRow: group.lastRow + 1, cells: cells)
        return (RawItem(unit: Self.unitToBeNamed, fields: fields, extraFields: extras, provenance: provenance), findings)
    }

    static let unitToBeNamed = AdminUnit(name: "", level: .county)

    private static func compact(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined()
    }
}
