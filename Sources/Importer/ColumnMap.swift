import Schemas
import Catalogue
import Sheets

/// What each column of a table means: a known field, an extra column kept under its own
/// header, or a repetition of a known column further right.
struct ColumnMap {
    enum Role: Equatable {
        case field(ItemField)
        /// A column the schemas do not know (or the second column under a merged header).
        case extra(header: String)
        /// The same field again further right (the 商务局 file repeats four columns at its end):
        /// values equal to the first column's are dropped, different ones kept as extras.
        case repeated(ItemField, header: String)
    }

    private(set) var roles: [Int: Role] = [:]
    private(set) var columnOfField: [ItemField: Int] = [:]
    /// The header's columns, sorted.
    let columns: [Int]
    /// Headers the schema does not know, with their cells, left to right.
    private(set) var unknownHeaders: [(header: String, cell: String)] = []
    /// Columns that repeat a known field, with their cells.
    private(set) var repeatedHeaders: [(header: String, cell: String)] = []
    /// `role(of:)` of each column from A to the header's last, resolved once: it is asked
    /// for every value of every item.
    private var roleOfColumn: [Role] = []

    init(layout: HeaderLayout, schema: HeaderSchema) {
        columns = layout.columns.map(\.column).sorted()
        for header in layout.columns {
            let field = header.sub.flatMap(schema.field(for:))
                ?? header.sub.flatMap { schema.field(for: header.top + $0) }
                ?? schema.field(for: header.top)
            let label = Self.label(of: header)
            guard let field else {
                roles[header.column] = .extra(header: label)
                if !label.isEmpty { unknownHeaders.append((label, header.cell)) }
                continue
            }
            guard let first = columnOfField[field] else {
                roles[header.column] = .field(field)
                columnOfField[field] = header.column
                continue
            }
            let sameGroup = header.group.map { ($0.first.column...$0.last.column).contains(first) } ?? false
            if sameGroup {
                roles[header.column] = .extra(header: label)
            } else {
                roles[header.column] = .repeated(field, header: label)
                repeatedHeaders.append((label, header.cell))
            }
        }
        roleOfColumn = (0..<max(0, (columns.last ?? -1) + 1)).map(resolvedRole(of:))
    }

    /// The role of any column; one outside the header or under an empty header is an extra
    /// named after its column letter.
    func role(of column: Int) -> Role {
        roleOfColumn.indices.contains(column) ? roleOfColumn[column] : resolvedRole(of: column)
    }

    private func resolvedRole(of column: Int) -> Role {
        if let role = roles[column], role != .extra(header: "") { return role }
        return .extra(header: "\(Self.unlabeledPrefix)\(CellAddress.columnName(column))列")
    }

    /// How the header of a column without one begins: `（无表头）K列`.
    static let unlabeledPrefix = "（无表头）"

    func column(of field: ItemField) -> Int? { columnOfField[field] }

    /// `实施层级及权限/权限` under a split header; `实施层级及权限（第2列）` for a further column
    /// under a merged header with no sub-header; else the header text without its line
    /// breaks and spaces (`子项\n名称` → `子项名称`).
    private static func label(of header: HeaderLayout.Column) -> String {
        let top = clean(header.top)
        if let sub = header.sub.map(clean), !sub.isEmpty {
            return top.isEmpty ? sub : "\(top)/\(sub)"
        }
        if let group = header.group, header.column > group.first.column, !top.isEmpty {
            return "\(top)（第\(header.column - group.first.column + 1)列）"
        }
        return top
    }

    private static func clean(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined()
    }
}
