import Catalogue
import Foundation
import Sheets

/// The sheet a reviewer edits in Excel or WPS: one row per proposed change (unchanged items
/// are left out), a drop-down to confirm, reject or re-pair it, and columns for the items to
/// pair with instead, the reviewer's name and the reason. The item keys in columns I and J
/// tie each row back to its change; `read` turns the rows a reviewer decided into `Decision`s.
public enum DecisionSheet {
    public static let sheetName = "审核决定"

    enum Column: Int, CaseIterable {
        case number, kind, confidence, reasons, oldUnit, oldName, newUnit, newName, oldKeys, newKeys
        case decision, targets, reviewer, note

        var header: String {
            ["编号", "变动类型", "置信度", "理由", "原单位", "原事项", "新单位", "新事项", "原事项键", "新事项键",
             "决定", "改配为", "审核人", "说明"][rawValue]
        }
    }

    public static func write(_ changeSet: ChangeSet, to file: URL) throws(XLSXWriterError) {
        var grid = SheetGrid()
        var fills: [Int: FillColor] = [:]
        grid.append(texts: Column.allCases.map(\.header))
        // By index: a `for change in` loop copies every change, the retained ones (nine in ten) too.
        for index in changeSet.changes.indices where changeSet.changes[index].kind != .unchanged {
            let change = changeSet.changes[index]
            fills[grid.count] = ChangeReport.fill(for: change.kind)
            var decision: String?
            var reviewer: String?
            if case .confirmed(let name) = change.review { (decision, reviewer) = (Decision.Action.confirm.label, name) }
            grid.append(texts: [
                String(grid.count), change.label, "\(Int((change.confidence * 100).rounded()))%",
                change.reasons.map(\.text).joined(separator: "；"),
                ChangeReport.joined(change.old) { $0.unit.name }, ChangeReport.joined(change.old) { $0.name },
                ChangeReport.joined(change.new) { $0.unit.name }, ChangeReport.joined(change.new) { $0.name },
                ChangeReport.joined(change.old) { $0.key.rawValue }, ChangeReport.joined(change.new) { $0.key.rawValue },
                decision, nil, reviewer, nil,
            ])
        }
        let lastRow = max(grid.count, 2) - 1
        let column = Column.decision.rawValue
        let validation = ListValidation(
            range: CellRange(first: CellAddress(row: 1, column: column), last: CellAddress(row: lastRow, column: column)),
            choices: Decision.Action.allCases.map(\.label), errorMessage: "请从列表中选择：确认、否决或改配")
        try XLSXWriter().write([grid.sheet(sheetName)],
                               decorations: [SheetDecoration(rowFills: fills, listValidations: [validation])], to: file)
    }
}
