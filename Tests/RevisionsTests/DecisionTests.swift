import Catalogue
import Foundation
import Sheets
import Testing
@testable import Revisions

@Suite("Reviewers' decisions")
struct DecisionTests {
    typealias F = Fixture
    static let old = [F.item("对拒绝配合统计调查的处罚", laws: [("统计法", 41)]),
                      F.item("统计调查项目审批", category: "行政许可", serial: "2")]
    static let new = [F.item("对拒绝阻碍统计调查的处罚", laws: [("统计法", 41)]),
                      F.item("涉外调查机构资格认定", category: "行政许可", serial: "2")]

    @Test("A confirmed pairing is reported as confirmed by the reviewer the sheet names")
    func confirmed() throws {
        let proposed = try #require(F.compare(Self.old, Self.new).single(.renamed))
        #expect(proposed.review == .proposed)
        let decision = Decision(action: .confirm, pairing: proposed.signature, reviewer: "张三", reason: "同一事项")
        let confirmed = try #require(F.compare(Self.old, Self.new, decisions: [decision]).single(.renamed))
        #expect(confirmed.review == .confirmed(reviewer: "张三"))
        #expect(confirmed.review.label == "人工确认（张三）")
        #expect(confirmed.reasons.map(\.text) == ["审核意见：同一事项"])
    }

    @Test("A rejected pairing is not proposed again: its sides become abolished and added")
    func rejected() throws {
        let proposed = try #require(F.compare(Self.old, Self.new).single(.renamed))
        let changes = F.compare(Self.old, Self.new, decisions: [Decision(action: .reject, pairing: proposed.signature)])
        #expect(changes.kinds == [.abolished: 2, .added: 2])
    }

    @Test("A re-pair joins an abolished item with the item the reviewer names")
    func repaired() throws {
        let abolished = try #require(F.compare(Self.old, Self.new).single(.abolished))
        let decision = Decision(action: .repair, pairing: abolished.signature, targets: ["涉外调查机构资格认定"], reviewer: "李四")
        let changes = F.compare(Self.old, Self.new, decisions: [decision])
        let repaired = try #require(changes.single(.renamed, where: { $0.old.map(\.name) == ["统计调查项目审批"] }))
        #expect(repaired.new.map(\.name) == ["涉外调查机构资格认定"])
        #expect(repaired.review == .confirmed(reviewer: "李四"))
        #expect(changes.kinds[.abolished] == nil && changes.kinds[.added] == nil)
    }

    @Test("A decision about items no longer listed is reported as stale, not applied")
    func stale() {
        let decision = Decision(action: .confirm, pairing: PairingSignature(old: [ItemKey(rawValue: "无|此|")], new: []))
        let changes = F.compare(Self.old, Self.new, decisions: [decision])
        #expect(changes.staleDecisions == [decision])
        #expect(ChangeReport.terminalSummary(changes).contains("1 条审核决定"))
    }

    @Test("The decisions sheet round-trips: written with a drop-down, filled in, read back, applied")
    func sheetRoundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decisions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("审核.xlsx")
        let changes = F.compare(Self.old, Self.new)
        try DecisionSheet.write(changes, to: file)

        // The reviewer picks 确认 on the rename row and signs it.
        var sheet = try #require(Workbook.read(file).sheets.first)
        #expect(sheet.name == DecisionSheet.sheetName)
        let header = sheet.rows[0].cells.map(\.value.text)
        let decisionColumn = try #require(header.firstIndex(of: "决定")), reviewerColumn = try #require(header.firstIndex(of: "审核人"))
        let row = try #require(sheet.rows.firstIndex { $0.cells.contains { $0.value.text == "更名" } })
        sheet.rows[row].cells += [Cell(row: sheet.rows[row].index, column: decisionColumn, value: .text("确认")),
                                  Cell(row: sheet.rows[row].index, column: reviewerColumn, value: .text("王五"))]
        sheet.rows[row].cells.sort { $0.address.column < $1.address.column }
        try XLSXWriter().write([sheet], to: file)

        let decisions = try DecisionSheet.read(file)
        #expect(decisions.map(\.action) == [.confirm] && decisions.first?.reviewer == "王五")
        let applied = F.compare(Self.old, Self.new, decisions: decisions)
        #expect(applied.single(.renamed)?.review == .confirmed(reviewer: "王五"))
    }

    @Test("An unknown decision word is a Chinese error naming the cell")
    func unknownDecision() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("decisions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("审核.xlsx")
        let headers = DecisionSheet.Column.allCases.map(\.header)
        let values = headers.map { $0 == "决定" ? "同意" : $0 == "原事项键" ? "统计局|甲|" : "" }
        let rows = [headers, values].enumerated().map { index, texts in
            Row(index: index, cells: texts.enumerated().filter { !$0.element.isEmpty }
                .map { Cell(row: index, column: $0.offset, value: .text($0.element)) })
        }
        try XLSXWriter().write([Sheet(name: DecisionSheet.sheetName, rows: rows)], to: file)
        #expect {
            try DecisionSheet.read(file)
        } throws: { error in
            "\(error)" == "审核决定表 审核.xlsx 审核决定!K2：无法识别的决定“同意”，应为 确认、否决 或 改配。"
        }
    }
}

extension ChangeSet {
    func single(_ kind: ChangeKind, where predicate: (Change) -> Bool) -> Change? {
        let found = changes(of: kind).filter(predicate)
        return found.count == 1 ? found[0] : nil
    }
}
