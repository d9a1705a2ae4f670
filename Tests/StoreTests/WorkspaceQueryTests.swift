import Catalogue
import Foundation
import Testing
@testable import Store

@Suite struct WorkspaceQueryTests {
    let workspace: Workspace

    /// Two units in 2024, one in 2025.
    init() throws {
        workspace = try Workspace.open(folder: StoreFixtures.temporaryFolder())
        let township = AdminUnit(name: "乌尔禾镇人民政府", level: .township)
        _ = try workspace.importSource(StoreFixtures.source("商务局.xlsx", sha256: "a"), revision: "2024") {
            StoreFixtures.contents([
                StoreFixtures.item("对外贸易经营者备案登记"),
                StoreFixtures.item("对违反规定的处罚", category: "行政 处罚"),
                StoreFixtures.item("对100%_完成的奖励", category: "行政\n奖励"),
            ])
        }
        _ = try workspace.importSource(StoreFixtures.source("乌尔禾镇.xlsx", sha256: "b"), revision: "2024") {
            StoreFixtures.contents([StoreFixtures.item("农村宅基地审批", unit: township, file: "乌尔禾镇.xlsx")])
        }
        _ = try workspace.importSource(StoreFixtures.source("统计局.xlsx", sha256: "c"), revision: "2025") {
            StoreFixtures.contents([StoreFixtures.item("对拒绝配合统计调查的处罚", category: "行政处罚",
                                                       unit: StoreFixtures.statistics, file: "统计局.xlsx")])
        }
    }

    private func names(_ filter: ItemFilter) throws -> [String] {
        try workspace.items(matching: filter).map(\.item.name)
    }

    @Test func filtersByRevision() throws {
        #expect(try names(ItemFilter(revision: "2025")) == ["对拒绝配合统计调查的处罚"])
        #expect(try workspace.itemCount(matching: ItemFilter(revision: "2024")) == 4)
    }

    @Test func filtersByPartOfTheUnitNameAndByLevel() throws {
        #expect(try names(ItemFilter(unit: "统计")) == ["对拒绝配合统计调查的处罚"])
        #expect(try names(ItemFilter(level: .township)) == ["农村宅基地审批"])
    }

    @Test func filtersByCategoryIgnoringWhitespaceAsWritten() throws {
        #expect(try names(ItemFilter(revision: "2024", category: "行政处罚")) == ["对违反规定的处罚"])
        #expect(try names(ItemFilter(category: "行政奖励")) == ["对100%_完成的奖励"])
    }

    @Test func filtersByTextLiterallyEvenWithLikeWildcards() throws {
        #expect(try names(ItemFilter(text: "%_")) == ["对100%_完成的奖励"])
        #expect(try names(ItemFilter(text: "处罚")) == ["对违反规定的处罚", "对拒绝配合统计调查的处罚"])
    }

    @Test func listsItemsBySourcePathThenFileOrderAndHonoursTheLimit() throws {
        #expect(try names(ItemFilter(revision: "2024", limit: 2)) == ["农村宅基地审批", "对外贸易经营者备案登记"])
        #expect(try workspace.itemCount(matching: ItemFilter(limit: 1)) == 5)
    }

    @Test func revisionsListTheirSources() throws {
        let revisions = try workspace.revisions()
        #expect(revisions.map(\.label) == ["2024", "2025"])
        #expect(revisions.first?.sources.map(\.path) == ["乌尔禾镇.xlsx", "商务局.xlsx"])
        #expect(throws: StoreError.unknownRevision("2023", known: ["2024", "2025"])) {
            try workspace.requireRevision("2023")
        }
    }
}
