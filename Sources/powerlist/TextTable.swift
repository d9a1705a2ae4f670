/// A plain-text table for the terminal, aligned by display width: a Chinese character
/// takes two columns, so padding by `count` would misalign every row with Chinese text.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Cells wider than this are cut with `…`.
    var maximumColumnWidth = 40

    init(headers: [String]) {
        self.headers = headers
    }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table with a header, a rule under it, and two spaces between columns.
    func render() -> String {
        let cells = ([headers] + rows).map { row in
            (0..<headers.count).map { column in
                DisplayWidth.truncate(DisplayWidth.singleLine(column < row.count ? row[column] : ""), to: maximumColumnWidth)
            }
        }
        let widths = (0..<headers.count).map { column in cells.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        var lines = cells.map { row in line(row, widths) }
        lines.insert(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "), at: 1)
        return lines.joined(separator: "\n")
    }

    private func line(_ row: [String], _ widths: [Int]) -> String {
        var text = ""
        for (column, cell) in row.enumerated() {
            if column > 0 { text += "  " }
            text += cell
            if column < row.count - 1 {
                text += String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
            }
        }
        return text
    }
}

/// How many terminal columns text takes (East Asian wide and full-width characters take two).
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 || scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .enclosingMark || value == 0x200B {
            return 0
        }
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, enough for Chinese text and its punctuation.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x20000...0x3FFFD,
    ]

    /// Cuts `text` to at most `width` columns, ending with `…` when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = of(String(character))
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// Text on one line: a line break between two Chinese characters is dropped (cells wrap
    /// words mid-phrase, `对拒绝\n配合统\n计调查`), any other run of whitespace becomes one space.
    static func singleLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) || text.contains("\t") else { return text }
        var result = ""
        var pendingBreak: String? = nil
        for character in text {
            if character.isWhitespace {
                pendingBreak = (pendingBreak ?? "") + String(character)
                continue
            }
            if pendingBreak != nil, let last = result.last {
                let bothWide = of(String(last)) == 2 && of(String(character)) == 2
                if !bothWide { result.append(" ") }
            }
            pendingBreak = nil
            result.append(character)
        }
        return result
    }
}
