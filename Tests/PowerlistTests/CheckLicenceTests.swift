import Foundation
import Store
import Testing

/// `powerlist check` with licence lists configured (`licences` in powerlist.yaml): a local
/// 行政许可 outside them is an error (国办发〔2022〕2号 “清单之外一律不得违法实施行政许可”).
@Suite struct CheckLicenceTests {
    /// A county list with one listed licence, one listed under a qualifier, one unlisted and a
    /// penalty (not a licence); a national list of two entries.
    func workspace(configured: Bool) throws -> URL {
        let folder = try SeededWorkspace.temporaryFolder()
        let list = "序号,许可事项名称,设定依据\n1,统计调查项目审批,统计法\n2,食品经营许可,食品安全法\n"
        try Data(list.utf8).write(to: folder.appendingPathComponent("许可事项清单.csv"))
        let basis = "【法律】《中华人民共和国行政许可法》第十二条"
        let rows = ["序号,事项名称,权力类型,实施依据,行使主体",
                    "1,统计调查项目审批,行政许可,\(basis),某某县统计局",
                    "2,食品经营许可（含小餐饮）,行政许可,\(basis),某某县市场监督管理局",
                    "3,养犬登记许可,行政许可,\(basis),某某县公安局",
                    "4,对养犬违法行为的处罚,行政处罚,【法律】《中华人民共和国治安管理处罚法》第七十五条,某某县公安局"]
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("汇总.csv"))
        if configured {
            try Data("licences:\n  - 许可事项清单.csv\n".utf8).write(to: folder.appendingPathComponent("powerlist.yaml"))
        }
        let imported = try PowerlistCLI.run(["import", "--revision", "2024", "汇总.csv"], in: folder)
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        return folder
    }

    @Test func aLicenceOutsideTheConfiguredListsIsAnErrorOfCheck_国办发2022_2号() throws {
        let folder = try workspace(configured: true)
        let result = try PowerlistCLI.run(["check", "--output", "检查.json"], in: folder)
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stdout.contains("某某县公安局"))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("检查.json")))
        let findings = report as? [[String: Any]] ?? []
        let licences = findings.filter { $0["code"] as? String == "check.licence-not-listed" }
        #expect(licences.count == 1)
        #expect(licences.first?["item"] as? String == "养犬登记许可")
        #expect((licences.first?["message"] as? String)?.contains("国办发〔2022〕2号") == true)

        let stored = try Workspace.open(folder: folder, create: false).findings(revision: "2024", stage: "check")
        #expect(stored.filter { $0.code == .licenceNotListed }.count == 1, "stored with the other check findings")
        let again = try PowerlistCLI.run(["check", "--output", "检查.html"], in: folder)
        #expect(again.exitCode == 1)
        #expect(try String(contentsOf: folder.appendingPathComponent("检查.html"), encoding: .utf8).contains("不在许可事项清单中"))
        let restored = try Workspace.open(folder: folder, create: false).findings(revision: "2024", stage: "check")
        #expect(restored.filter { $0.code == .licenceNotListed }.count == 1, "a re-check replaces, never adds")
    }

    @Test func withoutAConfiguredListNoLicenceIsReported() throws {
        let folder = try workspace(configured: false)
        let result = try PowerlistCLI.run(["check", "--output", "检查.json"], in: folder)
        #expect(!(try String(contentsOf: folder.appendingPathComponent("检查.json"), encoding: .utf8)).contains("licence-not-listed"))
        #expect(result.exitCode == 0, "\(result.stdout)")
    }

    @Test func anUnreadableListIsAClearChineseError() throws {
        let folder = try workspace(configured: true)
        try Data("序号,依据\n1,统计法\n".utf8).write(to: folder.appendingPathComponent("许可事项清单.csv"))
        let result = try PowerlistCLI.run(["check"], in: folder)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("许可事项清单.csv") && result.stderr.contains("名称"), "\(result.stderr)")
    }
}
