import Catalogue
@testable import Cleanup
import Foundation
import Importer
import Sheets
import Testing

/// The eight published lists in `../shared/fixtures/real/`, imported and cleaned end to end.
enum RealLists {
    static let folder = Shipped.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/real", isDirectory: true)
    static var present: Bool { FileManager.default.fileExists(atPath: folder.path) }

    static func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".xls") }.sorted()
    }

    static func cleaned(_ name: String) throws -> (items: [PowerItem], findings: [Finding]) {
        let workbook = try Workbook.read(folder.appendingPathComponent(name))
        let configuration = try ImportConfiguration.load(workspace: URL(fileURLWithPath: "/nonexistent-powerlist-workspace"),
                                                         schemas: Shipped.loader)
        let raws = Importer(configuration: configuration).importWorkbook(workbook, displayName: name).items
        return try Shipped.cleaner().clean(raws)
    }

    static func all() throws -> (items: [PowerItem], findings: [Finding]) {
        var items: [PowerItem] = []
        var findings: [Finding] = []
        for file in try files() {
            let result = try cleaned(file)
            items += result.items
            findings += result.findings
        }
        return (items, findings)
    }
}

@Suite("Cleaning the real published lists", .enabled(if: RealLists.present, "../shared/fixtures/real is absent"))
struct RealFixtureCleanupTests {
    @Test("统计局: item names come out unbroken")
    func statisticsNames() throws {
        let names = try RealLists.cleaned("2025年克拉玛依市统计局权责清单.xlsx").items.map(\.name)
        #expect(names.contains("对拒绝配合统计调查的处罚") || names.contains { $0.hasPrefix("对拒绝配合统计调查") })
        #expect(!names.contains { $0.contains("\n") || $0.contains(" ") })
        let raw = try RealLists.cleaned("2025年克拉玛依市统计局权责清单.xlsx").items.map(\.raw.name)
        #expect(raw.contains { $0.contains("\n") }, "the fixture's names are broken as written")
    }

    @Test("科学技术局: the basis tagged 【规范性文件】 is classed so")
    func scienceNormativeDocument() throws {
        let citations = try RealLists.cleaned("克拉玛依市科学技术局2024年权责清单.xls").items.flatMap(\.citations)
        let tagged = citations.filter { $0.rankTag == "规范性文件" }
        #expect(!tagged.isEmpty)
        #expect(tagged.allSatisfy { $0.rank == .normativeDocument || $0.resolution.registryRank != nil })
    }

    @Test("every basis cell that carries a rank tag yields at least one citation with a title")
    func taggedCellsYieldTitles() throws {
        let items = try RealLists.all().items
        let tagged = items.filter { ($0[.basis] ?? "").contains("】") && ($0[.basis] ?? "").contains("【") }
        #expect(tagged.count > 50)
        for item in tagged {
            #expect(item.citations.contains { $0.title != nil }, "\(item.raw.provenance.file) \(item.raw.provenance.cells[.basis] ?? "")")
        }
    }

    @Test("no basis-sufficiency error for an item citing a 【法律】")
    func lawIsSufficient() throws {
        let (items, findings) = try RealLists.all()
        let citingLaw = Set(items.filter { $0.citations.contains { $0.rankTag == "法律" } }.map(\.key))
        #expect(!citingLaw.isEmpty)
        #expect(!findings.contains { $0.code == .insufficientBasis && $0.item.map(citingLaw.contains) == true })
    }

    @Test("how many cited titles resolve in the registry (measured, reported)")
    func registryCoverage() throws {
        let citations = try RealLists.all().items.flatMap(\.citations).filter { $0.title != nil }
        let titles = Set(citations.compactMap(\.title))
        let resolved = Set(citations.filter { $0.resolution.reference != nil }.compactMap(\.title))
        print("registry coverage on the real lists: \(resolved.count) of \(titles.count) distinct titles, "
              + "\(citations.count { $0.resolution.reference != nil }) of \(citations.count) citations")
        print("unresolved: \(titles.subtracting(resolved).sorted().joined(separator: " | "))")
        // Laws and regulations are what the registry holds: nearly all of those resolve.
        let statutes = citations.filter { ["法律", "行政法规", "国务院决定"].contains($0.rankTag ?? "") }
        let resolvedStatutes = statutes.count { $0.resolution.reference != nil }
        print("citations tagged 法律/行政法规/国务院决定: \(resolvedStatutes) of \(statutes.count) resolve")
        #expect(resolvedStatutes * 10 >= statutes.count * 9)
    }
}
