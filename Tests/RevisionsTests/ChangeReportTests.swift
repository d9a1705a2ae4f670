import Catalogue
import Foundation
import Sheets
import Testing
import ZIPFoundation
@testable import Revisions

@Suite("Change reports: terminal, JSON, XLSX")
struct ChangeReportTests {
    typealias F = Fixture

    static func changes() -> ChangeSet {
        let (old, new) = OrderAndSymmetryTests.revisions()
        return F.compare(old, new)
    }

    @Test("The terminal summary leads with the county's figures and lists units, levels and categories")
    func terminal() {
        let text = ChangeReport.terminalSummary(Self.changes())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "修订对比：2023 → 2024")
        #expect(lines[1] == "事项数（按公布清单计，子项不重复计）：变动前 10 项，变动后 8 项；精简2项，削减20.0%")
        #expect(lines[2].hasPrefix("取消 1 项；合并 3 项→1 项；拆分 1 项→2 项；下放 2 项；上收 0 项；划转 0 项；新增 1 项"))
        #expect(text.contains("按单位：") && text.contains("按层级：") && text.contains("按权力类型："))
    }

    @Test("JSON has one object per change with English kind keys, names, units, keys, fields, confidence and reasons")
    func json() throws {
        let data = try ChangeReport.json(Self.changes())
        let document = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let changes = try #require(document["changes"] as? [[String: Any]])
        let kinds = Set(changes.compactMap { $0["kind"] as? String })
        #expect(kinds == ["abolished", "added", "renamed", "modified", "merged", "split", "moved", "recategorized"])
        let renamed = try #require(changes.first { $0["kind"] as? String == "renamed" })
        let old = try #require((renamed["old"] as? [[String: Any]])?.first)
        #expect(old["name"] as? String == "对拒绝配合统计调查的处罚")
        #expect(old["unit"] as? String == Fixture.statistics)
        #expect(old["key"] as? String == "克拉玛依市统计局|对拒绝配合统计调查的处罚|")
        #expect((renamed["reasons"] as? [[String: Any]])?.first?["code"] as? String == "similar-name")
        #expect(renamed["review"] as? String == "proposed")
        // Stable: the same input gives the same bytes, keys sorted.
        #expect(try ChangeReport.json(Self.changes()) == data)
        #expect(String(decoding: data, as: UTF8.self).contains(#""changes" : ["#))
    }

    @Test("The XLSX has a summary and a change sheet whose rows are coloured by kind")
    func xlsx() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("变动.xlsx")
        try ChangeReport.xlsx(Self.changes(), to: file)
        let workbook = try Workbook.read(file)
        #expect(workbook.sheets.map(\.name) == ["汇总", "变动"])
        let changeRows = workbook.sheets[1].rows
        #expect(changeRows[0].cells.map(\.value.text) == ChangeReport.changeHeaders)
        #expect(changeRows.dropFirst().contains { $0.cells.first?.value.text == "取消" })
        let styles = try Self.part("xl/styles.xml", of: file)
        for rgb in ["FFC7CE", "C6EFCE", "BDD7EE", "FFEB9C", "E4DFEC"] { #expect(styles.contains("FF\(rgb)")) }
        let sheet = try Self.part("xl/worksheets/sheet2.xml", of: file)
        #expect(sheet.contains(#" s="3""#))
    }

    /// 行政许可 and 非行政许可审批 items, as a county's 审批 group counts them.
    static let approvals = SummaryGroup(name: "审批事项", definition: "行政许可和非行政许可审批",
                                        categories: ["行政许可", "非行政许可审批"])

    @Test("JSON and XLSX carry the figures of each summary group, as the terminal does")
    func summaryGroups() throws {
        let changes = Self.changes()
        let (old, new) = OrderAndSymmetryTests.revisions()
        let figures = ChangeSummary.counts(of: Self.approvals, in: changes)
        // The group holds the old side's approvals before and the new side's after, in main items.
        func approvals(_ items: [PowerItem]) -> Int {
            Set(items.filter { Self.approvals.categories.contains($0.category?.name ?? "") }.map { "\($0.unit.name)|\($0.name)" }).count
        }
        #expect((figures.before, figures.after) == (approvals(old), approvals(new)))
        let groups = [(group: Self.approvals, counts: figures)]

        let document = try #require(JSONSerialization.jsonObject(with: ChangeReport.json(changes, groups: groups)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Any])
        let group = try #require((summary["groups"] as? [[String: Any]])?.first)
        #expect(group["name"] as? String == "审批事项" && group["definition"] as? String == "行政许可和非行政许可审批")
        #expect(group["before"] as? Int == figures.before && group["after"] as? Int == figures.after)
        #expect(group["reductionText"] as? String == figures.reduction.description)
        #expect((summary["rows"] as? [[String: Any]])?.first?["dimension"] as? String == "total")

        let sheet = ChangeReport.summarySheet(changes.summary, groups: groups)
        let row = try #require(sheet.rows.first { $0.cells.first?.value.text == ChangeReport.groupDimension })
        #expect(row.index == 2, "right after the header and the total")
        #expect(row.cells.map(\.value.text).contains(figures.reduction.description))
        #expect(row.cells.last?.value.text == "行政许可和非行政许可审批")
    }

    @Test("The decisions sheet offers 确认/否决/改配 in a drop-down on the 决定 column")
    func decisionDropDown() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("审核.xlsx")
        let changes = Self.changes()
        try DecisionSheet.write(changes, to: file)
        let rows = changes.changes.filter { $0.kind != .unchanged }.count
        let sheet = try Self.part("xl/worksheets/sheet1.xml", of: file)
        #expect(sheet.contains(#"type="list""#) && sheet.contains("sqref=\"K2:K\(rows + 1)\""))
        #expect(sheet.contains("<formula1>\"确认,否决,改配\"</formula1>"))
    }

    static func part(_ path: String, of file: URL) throws -> String {
        let archive = try Archive(url: file, accessMode: .read)
        let entry = try #require(archive[path])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}
