import Catalogue
import Foundation
import Testing
@testable import Store

/// Clean items, citations and findings tied to items, saved and read back.
@Suite struct CleanItemStorageTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace.open(folder: StoreFixtures.temporaryFolder())
    }

    private static let statisticsLaw = RegistryReference(key: "统计法", title: "中华人民共和国统计法", rank: .law,
                                                         versionDate: "2009-06-27")

    /// A clean item whose name and basis differ from what was written, with a category and two citations.
    private func cleanItem() -> PowerItem {
        var raw = StoreFixtures.item("对拒绝\n配合统计调查的处罚 ", category: "行政 处罚")
        raw.fields[.basis] = "【法律】《统计法》第四十一条第一款第（三）项、第四十二条之一"
        raw.provenance.cells[.basis] = "E4"
        var clean = StoreFixtures.clean(raw)
        clean.fields[.name] = "对拒绝配合统计调查的处罚"
        clean.fields[.remarks] = nil
        clean.category = CategoryRef(name: "行政处罚", code: "CF")
        clean.citations = [
            Citation(text: "【法律】《统计法》第四十一条第一款第（三）项、第四十二条之一", rankTag: "法律", taggedRank: .law,
                     title: "统计法", articles: [ArticleReference(article: 41, paragraph: 1, item: 3),
                                                ArticleReference(article: 42, suffix: 1),
                                                ArticleReference(article: 43, item: 2)],
                     resolution: .superseded(Self.statisticsLaw, current: "2024-09-13"), cell: "E4"),
            Citation(text: "《某某工作规程》", title: "某某工作规程", resolution: .notALegalInstrument, cell: "E4"),
        ]
        return clean
    }

    @Test func cleanValuesCategoryAndCitationsComeBackBesideTheRawItem() throws {
        let item = cleanItem()
        _ = try workspace.importSource(StoreFixtures.source("统计局.xlsx", sha256: "aaa"), revision: "2024") {
            SourceContents(items: [item], units: [item.unit])
        }
        let loaded = try #require(try workspace.powerItems(revision: "2024").first)
        #expect(loaded == item)
        #expect(loaded.raw.name == "对拒绝\n配合统计调查的处罚 ")
        #expect(loaded.name == "对拒绝配合统计调查的处罚")
    }

    @Test func aReCleanReplacesTheCleanViewOnly() throws {
        let item = cleanItem()
        _ = try workspace.importSource(StoreFixtures.source("统计局.xlsx", sha256: "aaa"), revision: "2024") {
            SourceContents(items: [item], units: [item.unit])
        }
        var stored = try #require(try workspace.powerItems(matching: ItemFilter(revision: "2024")).first)
        stored.item.category = nil
        stored.item.citations = [Citation(text: "《统计法》", title: "统计法", resolution: .inForce(Self.statisticsLaw))]
        stored.item.fields[.category] = "行政处罚"
        try workspace.saveClean([stored])

        let reloaded = try #require(try workspace.powerItems(revision: "2024").first)
        #expect(reloaded == stored.item)
        #expect(reloaded.raw == item.raw)
    }

    @Test func importAndCheckFindingsShareOneTableAndARecheckReplacesOnlyItsStage() throws {
        let item = cleanItem()
        let importFinding = Finding(code: .missingSerial, severity: .warning, message: "没有序号",
                                    location: Location(file: "统计局.xlsx", sheet: "Sheet1", cell: "B4"),
                                    item: item.key, field: .serial)
        _ = try workspace.importSource(StoreFixtures.source("统计局.xlsx", sha256: "aaa"), revision: "2024") {
            SourceContents(items: [item], units: [item.unit], findings: [importFinding])
        }
        let check = Finding(code: .notALegalInstrument, severity: .warning, message: "依据不是法律文件",
                            location: Location(file: "统计局.xlsx", sheet: "Sheet1", cell: "E4"),
                            item: item.key, field: .basis)
        try workspace.replaceFindings(stage: "check", revision: "2024", with: [check, check])
        try workspace.replaceFindings(stage: "check", revision: "2024", with: [check])

        #expect(try workspace.findings(revision: "2024") == [importFinding, check])
        #expect(try workspace.findings(revision: "2024", stage: "check") == [check])
        // A check finding about an item belongs to the item's source.
        #expect(try workspace.findings(revision: "2024", sourcePath: "统计局.xlsx").count == 2)
    }

    @Test func reImportingAChangedFileKeepsTheKeysOfTheItemsThatDidNotChange() throws {
        let kept = [StoreFixtures.item("甲", rows: 4...4), StoreFixtures.item("乙", rows: 5...6)]
        _ = try workspace.importSource(StoreFixtures.source("商务局.xlsx", sha256: "v1"), revision: "2024") {
            StoreFixtures.contents(kept + [StoreFixtures.item("丙", rows: 7...7)])
        }
        let before = try workspace.items(matching: ItemFilter(revision: "2024"))
        // The new edition moves 乙 down a row, rewraps 甲's name and drops 丙.
        var rewrapped = StoreFixtures.item("甲 ", rows: 4...4)
        rewrapped.fields[.name] = "甲\n"
        let outcome = try workspace.importSource(StoreFixtures.source("商务局.xlsx", sha256: "v2"), revision: "2024") {
            StoreFixtures.contents([rewrapped, StoreFixtures.item("新增", rows: 5...5), StoreFixtures.item("乙", rows: 6...7)])
        }
        #expect(outcome == .replaced)
        let after = try workspace.items(matching: ItemFilter(revision: "2024"))
        let keysBefore = Dictionary(uniqueKeysWithValues: before.map { (ItemKey.normalized($0.item.name), $0.key) })
        let keysAfter = Dictionary(uniqueKeysWithValues: after.map { (ItemKey.normalized($0.item.name), $0.key) })
        #expect(keysAfter["甲"] == keysBefore["甲"])
        #expect(keysAfter["乙"] == keysBefore["乙"])
        #expect(keysAfter["丙"] == nil && keysAfter["新增"] != nil)
    }
}
