import Schemas
import Catalogue
import Sheets

/// Where a sheet's table is: the title rows above it, the header row (or two rows when
/// headers are split), and the header text of every column.
struct HeaderLayout {
    /// One column's header as written. `sub` is the second header row's text under a header
    /// split over two rows (`实施层级及权限` over `层级` and `权限`).
    struct Column {
        var column: Int
        var top: String
        var sub: String?
        /// The merged header cell when it spans several columns.
        var group: CellRange?
        /// Where a user finds this header: `D2`, or the merged `H2:I2`.
        var cell: String
    }

    /// First header row (zero-based).
    var headerRow: Int
    /// Last header row: `headerRow`, or the row below it for a split header.
    var lastHeaderRow: Int
    /// Non-empty texts above the header, top to bottom, with their cells.
    var titles: [(text: String, address: CellAddress)]
    var columns: [Column]
}

/// Finds the header row by scoring rows against the header synonyms: the row naming the
/// most known fields, one of them the item name, among the first rows of the sheet.
struct HeaderDetector {
    /// How many non-empty rows from the top may hold titles and the header.
    static let searchDepth = 40

    var schema: HeaderSchema

    func detect(in sheet: Sheet) -> HeaderLayout? {
        let candidates = sheet.rows.prefix(Self.searchDepth)
        var best: (row: Row, score: Int)?
        for row in candidates {
            let fields = Set(row.cells.compactMap { schema.field(for: $0.value.text) })
            guard fields.contains(.name), fields.count >= 2 else { continue }
            if fields.count > best?.score ?? 0 { best = (row, fields.count) }
        }
        guard let headerRow = best?.row else { return nil }

        let r = headerRow.index
        let headerMerges = sheet.mergedRanges.filter { $0.first.row == r }
        let next = candidates.first { $0.index == r + 1 }
        let subRow = next.flatMap { isSubHeader($0, below: headerRow, merges: headerMerges) ? $0 : nil }

        let titles = candidates.prefix { $0.index < r }.flatMap { row in
            row.cells.compactMap { cell -> (String, CellAddress)? in
                let text = HeaderText.trimmed(cell.value.text)
                return text.isEmpty ? nil : (text, cell.address)
            }
        }
        return HeaderLayout(headerRow: r, lastHeaderRow: subRow == nil ? r : r + 1, titles: titles,
                            columns: columns(top: headerRow, sub: subRow, merges: headerMerges))
    }

    /// A row right under the header is a second header row when it holds no serial number
    /// and either header cells are merged down into it, or all its cells sit under a header
    /// merged across columns, or it names known fields itself.
    private func isSubHeader(_ next: Row, below header: Row, merges: [CellRange]) -> Bool {
        let serialColumns = header.cells.filter { schema.field(for: $0.value.text) == .serial }.map(\.address.column)
        if serialColumns.contains(where: { column in
            guard let value = next[column] else { return false }
            if case .number = value { return true }
            return SerialText.looksLikeSerial(value.text)
        }) { return false }
        let mergedDown = merges.contains { $0.last.row > header.index }
        let groups = merges.filter { $0.columnCount > 1 }
        let underGroups = !next.cells.isEmpty && next.cells.allSatisfy { cell in
            groups.contains { ($0.first.column...$0.last.column).contains(cell.address.column) }
        }
        let namesFields = Set(next.cells.compactMap { schema.field(for: $0.value.text) }).count >= 2
        return mergedDown || underGroups || namesFields
    }

    /// - Parameter merges: the merged ranges that begin in the header row.
    private func columns(top: Row, sub: Row?, merges topMerges: [CellRange]) -> [HeaderLayout.Column] {
        let r = top.index
        // The header's cells and the columns under a merged header (`实施层级及权限` over two
        // columns); a merge drawn over the whole width must not add thousands of columns.
        var columns = Set(top.cells.map(\.address.column) + (sub?.cells.map(\.address.column) ?? []))
        for range in topMerges where range.columnCount <= 64 {
            columns.formUnion(range.first.column...range.last.column)
        }
        return columns.sorted().map { column in
            let group = topMerges.first { ($0.first.column...$0.last.column).contains(column) }
            let anchor = group?.first ?? CellAddress(row: r, column: column)
            let topText = HeaderText.trimmed(top[anchor.column]?.text ?? "")
            // A sub-row cell holds its own header unless a header merged down covers it.
            let coveredFromTop = group.map { $0.last.row > r } ?? false
            let subText = coveredFromTop ? nil : sub?[column].map { HeaderText.trimmed($0.text) }
            let cell: String
            if let subText, !subText.isEmpty {
                cell = CellAddress(row: r + 1, column: column).description
            } else {
                cell = group?.description ?? anchor.description
            }
            return HeaderLayout.Column(column: column, top: topText, sub: subText?.isEmpty == true ? nil : subText,
                                       group: (group?.columnCount ?? 1) > 1 ? group : nil, cell: cell)
        }
    }
}
