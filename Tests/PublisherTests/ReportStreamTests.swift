import Catalogue
import Foundation
@testable import Publisher
import Testing

@Suite("Check reports written as a stream")
struct ReportStreamTests {
    /// Findings whose texts need every kind of JSON and HTML escape, and some without a sheet,
    /// cell or field.
    let findings = [
        Finding(code: .insufficientBasis, severity: .error, message: "依据为“规范性文件” \"引号\" \\反斜杠\\ a/b <b>&</b>",
                location: Location(file: "甲/乙.xlsx", sheet: "行政许可（1项）", cell: "E3:E4"),
                item: ItemKey(unit: "甲局", name: "对某行为的处罚", subItem: "子项"), field: .basis),
        Finding(code: .countMismatch, severity: .warning, message: "第一行\n第二行\t制表\u{1}控制\r\n回车",
                location: Location(file: "乙.csv")),
        Finding(code: .notInRegistry, severity: .info, message: "登记表中没有《某办法》",
                location: Location(file: "丙.xlsx", sheet: "Sheet1"),
                item: ItemKey(unit: "丙局", name: "某许可", subItem: nil)),
    ]

    @Test("the JSON report is byte for byte what JSONEncoder writes for the same objects")
    func jsonAsEncoderWritesIt() throws {
        let report = CheckReport(findings: findings)
        let objects = report.entries.map { entry in
            var object = ["code": entry.finding.code.rawValue, "severity": entry.finding.severity.rawValue,
                          "message": entry.finding.message, "unit": entry.unit, "item": entry.itemName,
                          "file": entry.finding.location.file, "rule": entry.rule, "fix": entry.fix]
            object["field"] = entry.finding.field?.rawValue
            object["sheet"] = entry.finding.location.sheet
            object["cell"] = entry.finding.location.cell
            return object
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(report.json() == (try encoder.encode(objects)))
        #expect(CheckReport(findings: []).json() == (try encoder.encode([[String: String]]())))
    }

    @Test("a report streamed to a file over many flushes equals the one built in memory", arguments: ["json", "html"])
    func fileEqualsMemory(format: String) throws {
        // About 3 MB of report: the stream writes it out in several pieces.
        let many = (0..<6_000).map { index in
            Finding(code: .missingBasis, severity: index % 3 == 0 ? .error : .warning,
                    message: "第\(index)项没有实施依据，" + String(repeating: "请补充法律法规名称和条款。", count: 8),
                    location: Location(file: "单位\(index % 7).xlsx", sheet: "Sheet1", cell: "E\(index + 2)"),
                    item: ItemKey(unit: "单位\(index % 7)", name: "事项\(index)", subItem: nil), field: .basis)
        } + findings
        let report = CheckReport(findings: many)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).\(format)")
        defer { try? FileManager.default.removeItem(at: url) }
        let stream = try ReportStream(writingTo: url)
        if format == "json" { try report.writeJSON(to: stream) } else { try report.writeHTML(to: stream) }
        try stream.finish()
        let written = try Data(contentsOf: url)
        #expect(written.count > 2_000_000)
        #expect(written == (format == "json" ? report.json() : Data(report.html().utf8)))
    }

    @Test("the HTML report escapes markup and line breaks and names each place as Excel does")
    func htmlEscapes() {
        let page = CheckReport(findings: findings).html()
        #expect(page.contains("依据为“规范性文件” &quot;引号&quot; \\反斜杠\\ a/b &lt;b&gt;&amp;&lt;/b&gt;"))
        #expect(page.contains("第一行<br>第二行"))
        #expect(page.contains("<td class=\"place\">甲/乙.xlsx '行政许可（1项）'!E3:E4（\(ItemField.basis.label)）</td>"))
        #expect(page.contains("<td class=\"place\">丙.xlsx Sheet1</td>"))
        #expect(page.contains("<td class=\"place\">乙.csv</td>"))
    }

    @Test("a report that fails halfway leaves the earlier file as it was, and no partial file")
    func unfinishedLeavesEarlierFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("检查报告.json")
        try Data("earlier".utf8).write(to: url)
        do {
            let stream = try ReportStream(writingTo: url)
            try stream.write(String(repeating: "半途而废", count: 200_000))
        }
        #expect(try Data(contentsOf: url) == Data("earlier".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["检查报告.json"])
        let stream = try ReportStream(writingTo: url)
        try stream.write("[]")
        try stream.finish()
        #expect(try Data(contentsOf: url) == Data("[]".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["检查报告.json"])
    }
}
