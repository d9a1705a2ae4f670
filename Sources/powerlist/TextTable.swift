/// A plain-text table whose columns line up in a terminal, CJK text included.
///
/// ```
///   行 │ A    │ B
/// ────┼──────┼──────────
///    1 │ 序号 │ 事项名称
/// ```
struct TextTable {
    /// The header of the row-label column, then one per data column.
    var header: [String]
    /// Each row: its label (right-aligned), then its cells.
    var rows: [[String]]

    func render(indent: String = "") -> String {
        let columnCount = max(header.count, rows.map(\.count).max() ?? 0)
        var widths = [Int](repeating: 0, count: columnCount)
        for line in [header] + rows {
            for (column, text) in line.enumerated() {
                widths[column] = max(widths[column], DisplayWidth.of(text))
            }
        }
        var output = ""
        func append(_ line: [String]) {
            var parts: [String] = []
            for column in 0..<columnCount {
                let text = column < line.count ? line[column] : ""
                if column == 0 {
                    parts.append(DisplayWidth.padLeft(text, to: widths[column]))
                } else if column == columnCount - 1 {
                    parts.append(text)  // no trailing spaces after the last column
                } else {
                    parts.append(DisplayWidth.pad(text, to: widths[column]))
                }
            }
            // An empty last cell would leave " │ " dangling at the end of the line.
            var rendered = indent + parts.joined(separator: " │ ")
            while rendered.last == " " { rendered.removeLast() }
            output += rendered + "\n"
        }
        append(header)
        output += indent + widths.enumerated().map { column, width in
            // The rule runs under the " │ " gaps too: one extra dash on each inner side.
            let inner = column == 0 || column == columnCount - 1 ? 1 : 2
            return String(repeating: "─", count: width + inner)
        }.joined(separator: "┼") + "\n"
        rows.forEach(append)
        return output
    }
}
