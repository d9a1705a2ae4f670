import Catalogue

/// Stored items as one flat table, the shape of the CSV and XLSX exports: the revision and
/// unit, every known field that some item has (in `ItemField` order, under its Chinese label),
/// every extra column (in order of first appearance), then where the item came from.
///
/// (Exports live here until the Publisher module exists; they only read stored items.)
public struct ItemTable: Sendable, Equatable {
    public var headers: [String]
    public var rows: [[String]]

    public init(_ items: [StoredItem]) {
        let fields = ItemField.allCases.filter { field in items.contains { $0.item.fields[field] != nil } }
        var extraHeaders: [String] = []
        var seenExtras = Set<String>()
        for stored in items {
            for extra in stored.item.extraFields where seenExtras.insert(extra.header).inserted {
                extraHeaders.append(extra.header)
            }
        }
        headers = ["修订版", "单位", "层级"] + fields.map(\.label) + extraHeaders
            + ["来源文件", "来源工作表", "来源单元格"]
        rows = items.map { stored in
            let item = stored.item
            // An extra header can repeat within one file (two unknown columns named alike): join them.
            var extras: [String: [String]] = [:]
            for extra in item.extraFields { extras[extra.header, default: []].append(extra.value) }
            return [stored.revision, item.unit.name, item.unit.level.rawValue]
                + fields.map { item.fields[$0] ?? "" }
                + extraHeaders.map { extras[$0]?.joined(separator: "\n") ?? "" }
                + [item.provenance.file, item.provenance.sheet, item.provenance.cellRange]
        }
    }
}

extension Provenance {
    /// The block of cells the item spans, e.g. `A5:P7`: from the leftmost to the rightmost
    /// column of its fields' cells, over its rows (`B4` for a single cell). Just the rows (`5:7`) when no cell is known.
    public var cellRange: String {
        var leftmost: Substring?
        var rightmost: Substring?
        for cell in cells.values {
            for corner in cell.split(separator: ":") {
                let letters = Substring(corner.utf8.prefix { (65...90).contains($0) || (97...122).contains($0) })
                guard !letters.isEmpty else { continue }
                if leftmost.map({ Self.columnPrecedes(letters, $0) }) ?? true { leftmost = letters }
                if rightmost.map({ Self.columnPrecedes($0, letters) }) ?? true { rightmost = letters }
            }
        }
        guard let leftmost, let rightmost else { return "\(firstRow):\(lastRow)" }
        let start = "\(leftmost)\(firstRow)", end = "\(rightmost)\(lastRow)"
        return start == end ? start : "\(start):\(end)"
    }

    /// Column letters order as numbers do when compared by length first: Z < AA.
    private static func columnPrecedes(_ a: Substring, _ b: Substring) -> Bool {
        (a.count, a) < (b.count, b)
    }
}
