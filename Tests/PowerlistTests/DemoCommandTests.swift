import Catalogue
import Foundation
import Testing

/// `powerlist demo`: the README's first command, run into a temporary folder.
@Suite("powerlist demo", .serialized)
struct DemoCommandTests {
    @Test func buildsTheExampleAndPrintsItsFigures() throws {
        let manifest = try ExampleManifest.load()
        let parent = try SeededWorkspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("演示")
        let result = try PowerlistCLI.run(["demo", "--out", out.path])
        #expect(result.exitCode == 0, "\(result.stderr)")

        let newest = try #require(manifest.revisions.last)
        for (key, level) in newest.levels {
            let label = try #require(Level(rawValue: key)).label
            #expect(result.stdout.contains("  \(label)：\(level.units) 个单位，\(level.items) 项"), "\(result.stdout)")
        }
        #expect(result.stdout.contains("检查发现：错误 "))
        #expect(result.stdout.contains("对照指导目录（区县级，2023 年版）："))
        let reduction = manifest.reduction
        #expect(result.stdout.contains("审批事项：由\(reduction.before)项减为\(reduction.after)项，精简\(reduction.cut)项，削减\(reduction.percent)%"),
                "\(result.stdout)")

        let files = FileManager.default
        #expect(files.fileExists(atPath: out.appendingPathComponent("网站/index.html").path))
        #expect(files.fileExists(atPath: out.appendingPathComponent("报告/检查报告-\(newest.label).html").path))
        #expect(files.fileExists(atPath: out.appendingPathComponent("工作区/powerlist.sqlite").path))
    }

    @Test func refusesAFolderItDidNotMake() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("我的文件.txt")
        try Data("重要".utf8).write(to: mine)
        let result = try PowerlistCLI.run(["demo", "--out", folder.path])
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("不是 powerlist demo 生成的"), "\(result.stderr)")
        #expect(try String(contentsOf: mine, encoding: .utf8) == "重要")
    }
}
