import Catalogue
import Foundation
import Sheets

extension CheckReport {
    static let columns = ["单位", "严重程度", "事项", "问题", "规则", "修改建议", "字段", "文件", "工作表", "单元格", "代码"]

    /// One sheet, one row per finding under a header row, ready for Excel's filter.
    public var xlsxSheet: Sheet {
        var rows: [Row] = []
        forEachXLSXRow { rows.append($0) }
        return Sheet(name: Self.xlsxSheetName, rows: rows)
    }

    /// Writes `xlsxSheet` without building it: the writer makes the rows as it needs them, in
    /// chunks on all cores (a 200,000-item check has ≈ 780,000 findings; built whole, their
    /// sheet and its XML took more than a gigabyte, and made on one core, half the report's time).
    public func writeXLSX(to url: URL) throws(XLSXWriterError) {
        let report = self
        try XLSXWriter().write([SheetSource(name: Self.xlsxSheetName, count: findings.count + 1) { report.xlsxRow($0) }],
                               to: url)
    }

    private static let xlsxSheetName = "检查结果"

    private func forEachXLSXRow(_ body: (Row) throws -> Void) rethrows {
        for index in 0...findings.count { try body(xlsxRow(index)) }
    }

    /// Row 0 is the header; row `i` the finding `i - 1`.
    private func xlsxRow(_ index: Int) -> Row {
        guard index > 0 else { return Self.row(0, Self.columns) }
        let entry = self[index - 1]
        let finding = entry.finding
        return Self.row(index, [
            entry.unit, finding.severity.label, entry.itemName, finding.message, entry.rule, entry.fix,
            finding.field?.label ?? "", finding.location.file, finding.location.sheet ?? "",
            finding.location.cell ?? "", finding.code.rawValue,
        ])
    }

    private static func row(_ index: Int, _ values: [String]) -> Row {
        Row(index: index, cells: values.enumerated().compactMap { column, value in
            value.isEmpty ? nil : Cell(row: index, column: column, value: .text(value))
        })
    }
}
