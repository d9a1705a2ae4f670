import Catalogue
import Sheets

/// Builds a `Sheet` row by row from texts and numbers, for the report and decision workbooks.
struct SheetGrid {
    private(set) var rows: [Row] = []

    var count: Int { rows.count }

    mutating func append(_ values: [CellValue?]) {
        let index = rows.count
        let cells = values.enumerated().compactMap { column, value -> Cell? in
            guard let value, value.text.isEmpty == false else { return nil }
            return Cell(row: index, column: column, value: value)
        }
        rows.append(Row(index: index, cells: cells))
    }

    mutating func append(texts: [String?]) { append(texts.map { $0.map(CellValue.text) }) }

    func sheet(_ name: String) -> Sheet { Sheet(name: name, rows: rows) }
}

extension ChangeReport {
    /// Row colours by kind: abolished red, added green, merged/split blue, moved purple,
    /// the other modifications yellow; unchanged rows stay white.
    static func fill(for kind: ChangeKind) -> FillColor? {
        switch kind {
        case .abolished: FillColor(rgb: "FFC7CE")
        case .added: FillColor(rgb: "C6EFCE")
        case .merged, .split: FillColor(rgb: "BDD7EE")
        case .moved: FillColor(rgb: "E4DFEC")
        case .modified, .renamed, .recategorized: FillColor(rgb: "FFEB9C")
        case .unchanged: nil
        }
    }

    /// Several items on a side, one per line.
    static func joined(_ refs: [ItemRef], _ value: (ItemRef) -> String?) -> String? {
        let values = refs.compactMap(value)
        return values.isEmpty ? nil : values.joined(separator: "\n")
    }
}
