import Catalogue
import Foundation
@testable import Publisher
import Sheets
import Testing

@Suite("Check reports")
struct CheckReportTests {
    let findings = [
        Finding(code: .insufficientBasis, severity: .error, message: "依据仅为规范性文件 <b>",
                location: Location(file: "甲.xlsx", sheet: "Sheet1", cell: "E3"),
                item: ItemKey(unit: "甲局", name: "对某行为的处罚", subItem: nil), field: .basis),
        Finding(code: .notInRegistry, severity: .info, message: "登记表中没有《某办法》",
                location: Location(file: "乙.xlsx", sheet: "行政许可", cell: "E9"),
                item: ItemKey(unit: "乙局", name: "某许可", subItem: nil), field: .basis),
        Finding(code: .duplicateItem, severity: .warning, message: "重复",
                location: Location(file: "甲.xlsx", sheet: "Sheet1", cell: "B7"),
                item: ItemKey(unit: "甲局", name: "对某行为的处罚", subItem: nil), field: .name),
    ]

    @Test("JSON has one object per finding with code, severity, unit, item, field, file, sheet and cell")
    func json() throws {
        let objects = try #require(try JSONSerialization.jsonObject(with: CheckReport(findings: findings).json()) as? [[String: Any]])
        #expect(objects.count == 3)
        let first = try #require(objects.first)
        #expect(first["code"] as? String == "check.insufficient-basis")
        #expect(first["severity"] as? String == "error")
        #expect(first["unit"] as? String == "甲局")
        #expect(first["item"] as? String == "对某行为的处罚")
        #expect(first["field"] as? String == "basis")
        #expect(first["sheet"] as? String == "Sheet1")
        #expect(first["cell"] as? String == "E3")
        #expect((first["fix"] as? String)?.isEmpty == false)
    }

    @Test("HTML groups by unit, errors first, escapes text and needs nothing online")
    func html() {
        let page = CheckReport(findings: findings).html()
        #expect(page.contains("&lt;b&gt;"))
        #expect(!page.contains("<b>"))
        #expect(!page.contains("http"))
        let first = page.range(of: "<h2>甲局")!.lowerBound
        let second = page.range(of: "<h2>乙局")!.lowerBound
        #expect(first < second)
        #expect(page.contains("Sheet1!E3"))
    }

    @Test("the terminal summary counts by unit and severity")
    func summary() {
        let lines = CheckReport(findings: findings).summary.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("甲局") && lines[0].contains("错误 1") && lines[0].contains("警告 1"))
        #expect(lines[2] == "合计：2 个单位，错误 1，警告 1，提示 1")
    }

    @Test("XLSX has a header row and one row per finding, and reads back")
    func xlsx() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try CheckReport(findings: findings).writeXLSX(to: url)
        let sheet = try #require(try Workbook.read(url).sheets.first)
        #expect(sheet.rows.count == 4)
        #expect(sheet.rows[0][0] == .text("单位"))
        #expect(sheet.rows[1][9] == .text("E3"))
    }
}
