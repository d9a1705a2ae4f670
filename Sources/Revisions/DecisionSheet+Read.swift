import Catalogue
import Foundation
import Sheets

extension DecisionSheet {
    /// The decisions in a sheet written by `write` and edited by a reviewer: one for each row
    /// whose 决定 is filled in. Columns are found by their headers, so a reviewer may reorder
    /// them or add their own; rows left undecided are skipped.
    public static func read(_ file: URL) throws -> [Decision] {
        let workbook: Workbook
        do {
            workbook = try Workbook.read(file)
        } catch {
            throw DecisionSheetError(file: file.lastPathComponent, place: nil, detail: error.message)
        }
        guard let sheet = workbook.sheets.first(where: { $0.name == sheetName }) ?? workbook.sheets.first,
              let header = sheet.rows.first else {
            throw DecisionSheetError(file: file.lastPathComponent, place: nil, detail: "没有工作表“\(sheetName)”。")
        }
        var columns: [Column: Int] = [:]
        for cell in header.cells {
            if let column = Column.allCases.first(where: { $0.header == cell.value.text.trimmingCharacters(in: .whitespaces) }) {
                columns[column] = cell.address.column
            }
        }
        for required in [Column.oldKeys, .newKeys, .decision] where columns[required] == nil {
            throw DecisionSheetError(file: file.lastPathComponent, place: sheet.name,
                                     detail: "缺少“\(required.header)”列（第一行应为表头）。")
        }
        return try sheet.rows.dropFirst().compactMap { row in
            try decision(in: row, columns: columns, sheet: sheet, file: file.lastPathComponent)
        }
    }

    private static func decision(in row: Row, columns: [Column: Int], sheet: Sheet, file: String) throws -> Decision? {
        func text(_ column: Column) -> String? {
            guard let index = columns[column], let value = row[index]?.text.trimmingCharacters(in: .whitespacesAndNewlines),
                  !value.isEmpty else { return nil }
            return value
        }
        guard let written = text(.decision) else { return nil }
        let place = { (column: Column) in sheet.reference(CellAddress(row: row.index, column: columns[column] ?? 0)) }
        guard let action = Decision.Action(label: written) else {
            throw DecisionSheetError(file: file, place: place(.decision),
                                     detail: "无法识别的决定“\(written)”，应为 确认、否决 或 改配。")
        }
        let keys = { (column: Column) in (text(column) ?? "").split(separator: "\n").map { ItemKey(rawValue: String($0)) } }
        let pairing = PairingSignature(old: keys(.oldKeys), new: keys(.newKeys))
        guard !pairing.old.isEmpty || !pairing.new.isEmpty else {
            throw DecisionSheetError(file: file, place: place(.oldKeys), detail: "这一行没有原事项键或新事项键，无法对应到变动。")
        }
        let targets = (text(.targets) ?? "").split(whereSeparator: { "\n、；;".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if action == .repair && targets.isEmpty {
            throw DecisionSheetError(file: file, place: place(.targets), detail: "选择了“改配”，但“改配为”为空：请写上要配对的事项名称或事项键。")
        }
        return Decision(action: action, pairing: pairing, targets: targets, reviewer: text(.reviewer), reason: text(.note))
    }
}

/// A decisions sheet that cannot be read; `description` names the file and, when it can, the cell.
public struct DecisionSheetError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// `审核决定!K5`, or the sheet alone.
    public var place: String?
    public var detail: String

    public var description: String {
        "审核决定表 \(file)\(place.map { " \($0)" } ?? "")：\(detail)"
    }
}
