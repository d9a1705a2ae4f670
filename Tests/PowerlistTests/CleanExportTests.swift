import Foundation
import Testing

/// `export` carries the clean view beside the raw values: readable columns in CSV, a list of
/// citation objects per item in JSON — read back from a workspace the CLI imported.
@Suite struct CleanExportTests {
    @Test func csvHasTheCleanColumns() throws {
        let checked = try CheckedExample.revision("2024")
        let csv = try PowerlistCLI.run(["export", "--workspace", checked.workspace.path, "--revision", "2024", "--format", "csv"])
        let header = try #require(csv.stdout.split(separator: "\n").first)
        for column in ["清理后名称", "权力类型（规范）", "类型代码", "引用法规"] {
            #expect(header.contains(column), "\(header)")
        }
        #expect(csv.stdout.contains(",CF,"), "行政处罚 items carry their code")
        #expect(csv.stdout.range(of: #"《[^》]+》第\d+条"#, options: .regularExpression) != nil)
    }

    @Test func jsonHasCitationObjectsPerItem() throws {
        let checked = try CheckedExample.revision("2024")
        let export = try PowerlistCLI.run(["export", "--workspace", checked.workspace.path, "--revision", "2024", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let items = try #require(document["items"] as? [[String: Any]])
        let clean = items.compactMap { $0["clean"] as? [String: Any] }
        #expect(clean.count == items.count)
        let citations = clean.flatMap { $0["citations"] as? [[String: Any]] ?? [] }
        #expect(citations.contains { $0["title"] is String && ($0["articles"] as? [String])?.isEmpty == false })
        #expect(citations.contains { $0["status"] as? String == "repealed" }, "the planted repealed law")
        #expect(clean.contains { ($0["category"] as? [String: Any])?["code"] as? String == "XK" })
    }
}

/// The real published lists through import, check and export, skipped without the fixtures.
@Suite(.enabled(if: PowerlistCLI.realFixturesPresent, "../shared/fixtures/real is absent"))
struct RealFixtureCheckTests {
    @Test func realListsAreCleanedStoredAndChecked() throws {
        let workspace = try SeededWorkspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try PowerlistCLI.run(["import", "--workspace", workspace.path, "--revision", "2024", PowerlistCLI.realFixtures.path])
        let report = workspace.appendingPathComponent("报告.json")
        let check = try PowerlistCLI.run(["check", "--workspace", workspace.path, "--output", report.path, "--warn-only"])
        #expect(check.exitCode == 0, "\(check.stderr)")
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [[String: Any]])
        #expect(findings.allSatisfy { ($0["file"] as? String)?.isEmpty == false })

        let export = try PowerlistCLI.run(["export", "--workspace", workspace.path, "--revision", "2024", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let clean = (document["items"] as? [[String: Any]] ?? []).compactMap { $0["clean"] as? [String: Any] }
        let names = clean.compactMap { ($0["fields"] as? [String: String])?["name"] }
        #expect(names.contains { $0.hasPrefix("对拒绝配合统计调查") }, "统计局's broken names come out whole")
        // Every stored basis with a rank tag yields a citation with a title, through the Store.
        let tagged = clean.filter { (($0["fields"] as? [String: String])?["basis"] ?? "").contains("【") }
        #expect(!tagged.isEmpty)
        #expect(tagged.allSatisfy { ($0["citations"] as? [[String: Any]] ?? []).contains { $0["title"] is String } })
    }
}
