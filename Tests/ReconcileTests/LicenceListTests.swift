import Catalogue
import Foundation
import Reconcile
import Sheets
import Testing

struct LicenceListTests {
    typealias Fixture = GuidanceMatcherTests

    @Test func licenceOutsideTheListIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("licences-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("行政许可事项清单.xlsx")
        let rows = [["序号", "许可事项名称", "设定依据"], ["1", "统计调查项目审批", "统计法"], ["2", "食品经营许可", "食品安全法"]]
        try XLSXWriter().write([Sheet(name: "清单", rows: rows.enumerated().map { index, texts in
            Row(index: index, cells: texts.enumerated().map { Cell(row: index, column: $0.offset, value: .text($0.element)) })
        })], to: file)
        let list = try LicenceList.read(file)
        #expect(list.names == ["统计调查项目审批", "食品经营许可"])
        let items = [
            Fixture.item("统计调查项目审批", unit: "县统计局", level: .county, category: "行政许可"),
            Fixture.item("食品经营许可（含小餐饮）", unit: "县市场监管局", level: .county, category: "行政许可"),
            Fixture.item("养犬登记许可", unit: "县公安局", level: .county, category: "行政许可"),
            Fixture.item("对养犬违法行为的处罚", unit: "县公安局", level: .county),
        ]
        let findings = list.findings(items, rule: LicenceRule(category: "行政许可", article: "国办发〔2022〕2号", rule: "清单之外一律不得违法实施行政许可"))
        #expect(findings.map(\.code) == [.licenceNotListed])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.item == items[2].key)
    }

    @Test func fileWithoutNameColumnIsRefusedInChinese() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("无名称-\(UUID().uuidString).csv")
        try Data("序号,依据\n1,统计法\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect { try LicenceList.read(file) } throws: { ($0 as? ReconcileError)?.description.contains("名称") == true }
    }
}
