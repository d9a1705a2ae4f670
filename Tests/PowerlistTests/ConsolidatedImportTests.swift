import Foundation
import Testing

@Suite struct ConsolidatedImportTests {
    @Test func theSummaryShowsAConsolidatedListAsItsNumberOfUnits() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        var lines = ["某某县权责清单汇总", "序号,事项名称,权力类型,行使主体"]
        for (index, body) in ["县教育局", "县财政局", "县民政局", "某某镇人民政府"].enumerated() {
            lines.append("\(index + 1),事项\(index),行政检查,\(body)")
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("汇总.csv"))

        let result = try PowerlistCLI.run(["import", "--revision", "2024", "汇总.csv"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("4 个单位"))
        #expect(result.stdout.contains("县级、乡镇"))

        let township = try PowerlistCLI.run(["items", "--level", "乡镇"], in: folder)
        #expect(township.stdout.contains("某某镇人民政府") && !township.stdout.contains("县教育局"))
    }
}
