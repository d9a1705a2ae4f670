import Foundation
import Sheets

/// What `powerlist inspect` prints about one file: its real format, then each sheet's
/// size, structure and first rows.
struct InspectReport {
    /// The path as the user typed it.
    var path: String
    var workbook: Workbook
    /// Set for a CSV file: the encoding and separator found.
    var csv: CSVDocument?
    /// Names of the sheets to show; empty means all.
    var sheetNames: [String]
    var rowLimit: Int
    var columnLimit: Int
    var cellWidth: Int

    func render() -> String {
        var lines = ["文件：\(path)", "  格式：\(workbook.format.displayName)"]
        if let warning = FileExtensionCheck.warning(path: path, format: workbook.format) {
            lines.append("  \(warning)")
        }
        if let csv {
            lines.append("  编码：\(csv.encoding.userName)；分隔符：\(csv.separator.displayName)")
        }
        let hiddenCount = workbook.sheets.filter(\.isHidden).count
        lines.append("  工作表：\(workbook.sheets.count) 个" + (hiddenCount > 0 ? "（其中隐藏 \(hiddenCount) 个）" : ""))
        var output = lines.joined(separator: "\n") + "\n"
        for (offset, sheet) in workbook.sheets.enumerated()
        where sheetNames.isEmpty || sheetNames.contains(sheet.name) {
            output += "\n" + render(sheet, position: offset + 1)
        }
        return output
    }

    private func render(_ sheet: Sheet, position: Int) -> String {
        var heading = "  工作表 \(position)/\(workbook.sheets.count)：\(sheet.name)"
        if sheet.isHidden { heading += "（隐藏）" }
        guard let range = sheet.dimension else {
            return heading + "\n    空工作表，没有内容。\n"
        }
        let hiddenRows = sheet.rows.filter(\.isHidden).count
        var output = heading + "\n"
        output += "    范围：\(range)（\(range.rowCount) 行 × \(range.columnCount) 列）\n"
        output += "    非空单元格 \(sheet.cellCount) 个，合并区域 \(sheet.mergedRanges.count) 个，隐藏行 \(hiddenRows) 行\n"

        let preview = SheetPreview(sheet: sheet, rowLimit: rowLimit, columnLimit: columnLimit, cellWidth: cellWidth)
        guard let table = preview.table() else { return output }
        output += "    前 \(table.rows.count) 行\(legend(for: table))：\n"
        output += table.render(indent: "    ")
        let notShown = preview.hiddenByLimits
        if notShown.rows > 0 {
            output += "    …… 另有 \(notShown.rows) 行未显示（用 --rows 显示更多）\n"
        }
        if notShown.columns > 0 {
            output += "    …… 另有 \(notShown.columns) 列未显示（用 --columns 显示更多）\n"
        }
        return output
    }
}

/// Explains the marks that appear in the table, and only those.
private func legend(for table: TextTable) -> String {
    let cells = table.rows.joined()
    var notes: [String] = []
    if cells.contains(where: { $0.contains(SheetPreview.lineBreakMark) }) {
        notes.append("\(SheetPreview.lineBreakMark) 表示单元格内换行")
    }
    if cells.contains(SheetPreview.mergedMark) {
        notes.append("\(SheetPreview.mergedMark) 表示被合并单元格覆盖")
    }
    return notes.isEmpty ? "" : "（\(notes.joined(separator: "，"))）"
}

extension TextEncoding {
    /// The encoding as a user would name it on the command line.
    var userName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .gb18030: "GB18030（GBK）"
        }
    }
}
