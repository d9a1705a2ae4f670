import Catalogue
@testable import Cleanup
import Foundation
import Schemas
import Testing

@Suite("The law registry")
struct LawRegistryTests {
    func resolve(_ basis: String) throws -> CitationResolution? {
        let (item, _) = try Shipped.cleaner().clean(try rawItem("事项", basis: basis))
        return item.citations.first?.resolution
    }

    @Test("the shipped registry holds every converted instrument")
    func shippedRegistry() throws {
        #expect(try Shipped.schemas().registry.count >= 17_582)
    }

    @Test("a title resolves with or without 中华人民共和国, with 〈〉 or 《》, to the version its note dates")
    func aliases() throws {
        for basis in ["【法律】《中华人民共和国统计法》第一条", "【法律】《统计法》第一条", "【法律】〈统计法〉第一条"] {
            #expect(try resolve(basis)?.reference?.key == "统计法", "\(basis)")
        }
        let dated = try resolve("【法律】《中华人民共和国统计法》（1983年12月8日通过，根据2024年9月13日第二次修正）第一条")
        #expect(dated == .inForce(RegistryReference(key: "统计法", title: "中华人民共和国统计法", rank: .law, versionDate: "2024-09-13")))
    }

    @Test("a decision is found without its issuer prefix")
    func issuerPrefix() throws {
        let registry = try Shipped.schemas().registry
        let full = try #require(registry.entries.first { $0.key.hasPrefix("全国人民代表大会常务委员会关于") })
        let short = String(full.key[full.key.range(of: "关于")!.lowerBound...])
        #expect(registry.entry(forTitle: "《\(short)》")?.key == full.key)
    }

    @Test("a repealed law resolves with its hand-recorded successor")
    func repealedWithSuccessor() throws {
        guard case .repealed(let reference, let successor) = try resolve("【法律】《中华人民共和国环境噪声污染防治法》第一条") else {
            Issue.record("not repealed"); return
        }
        #expect(reference.key == "环境噪声污染防治法")
        #expect(successor == "噪声污染防治法")
    }

    @Test("an older version named by its date is superseded by the current one")
    func superseded() throws {
        let resolution = try resolve("【法律】《中华人民共和国统计法》（2009年6月27日修订）第一条")
        #expect(resolution == .superseded(RegistryReference(key: "统计法", title: "中华人民共和国统计法", rank: .law,
                                                            versionDate: "2009-06-27"), current: "2024-09-13"))
    }

    @Test("an instrument the registry lacks is not in the registry; a form is not a legal instrument")
    func notFound() throws {
        #expect(try resolve("【规章】《克拉玛依市某某管理办法》第一条") == .notInRegistry)
        #expect(try resolve("【规范性文件】《行政处罚告知书》") == .notALegalInstrument)
    }

    @Test("a workspace entry in the same format is added, and a malformed line names its file and line")
    func workspaceEntries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.tsv")
        try "# 本地\n\t克拉玛依市市容管理办法\tlocalGovernmentRule\t克拉玛依市人民政府\t克拉玛依市\t2020-01-01||有效|1-40\n"
            .write(to: good, atomically: true, encoding: .utf8)
        let entries = try LawRegistryFile.read(good)
        #expect(entries.map(\.key) == ["克拉玛依市市容管理办法"])
        #expect(entries.first?.versions.first?.articles.last == 40)

        let bad = folder.appendingPathComponent("bad.tsv")
        try "# 本地\n只有一列\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.self) { try LawRegistryFile.read(bad) }
        do { _ = try LawRegistryFile.read(bad) } catch { #expect(error.line == 2) }
    }

    @Test("a long file, parsed in chunks on several cores, keeps its order and reports its first bad line")
    func longFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = (0..<12_000).map { "\t第\($0)号管理办法\tlocalGovernmentRule\t克拉玛依市人民政府\t克拉玛依市\t2020-01-01||有效|1-9" }
        let file = folder.appendingPathComponent("long.tsv")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try LawRegistryFile.read(file).map(\.title) == (0..<12_000).map { "第\($0)号管理办法" })
        lines[9_000] = "坏行"
        lines[11_000] = "又一坏行"
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try LawRegistryFile.read(file)
            Issue.record("a bad line was read")
        } catch { #expect(error.line == 9_001) }
    }
}
