import Catalogue
import Foundation
import GRDB
import Testing
@testable import Store

/// A basis check says the same of every item citing one basis: such a run of findings is stored
/// once for its citation list (migration v7) and read back as it was given, in its place.
@Suite struct ListFindingsTests {
    private static let basis = "《统计法》第四十一条"

    /// Items `rows` of `统计局.xlsx`, each citing `basis` at its basis cell.
    private func items(_ rows: [Int]) -> [PowerItem] {
        rows.map { row in
            var raw = StoreFixtures.item("统计调查\(row)", unit: StoreFixtures.statistics, file: "统计局.xlsx", rows: row...row)
            raw.fields[.basis] = Self.basis
            raw.provenance.cells[.basis] = "E\(row)"
            var item = StoreFixtures.clean(raw)
            item.citations = [Citation(text: Self.basis, title: "统计法", resolution: .notInRegistry, cell: "E\(row)")]
            return item
        }
    }

    /// What the basis checks say of `item`: `messages` as findings about its basis.
    private func run(_ item: PowerItem, _ messages: [String], code: FindingCode = .notInRegistry) -> [Finding] {
        messages.map { message in
            Finding(code: code, severity: .info, message: message,
                    location: Location(file: "统计局.xlsx", sheet: "Sheet1", cell: item.raw.provenance.cells[.basis]),
                    item: item.key, field: .basis)
        }
    }

    private func imported(_ items: [PowerItem], _ findings: [Finding]) throws -> Workspace {
        let workspace = try Workspace.open(folder: StoreFixtures.temporaryFolder(), create: true)
        _ = try workspace.importSource(StoreFixtures.source("统计局.xlsx", sha256: "aaa"), revision: "2024") {
            SourceContents(items: items, units: [StoreFixtures.statistics], findings: findings)
        }
        return workspace
    }

    private func count(_ sql: String, in workspace: Workspace) throws -> Int? {
        try workspace.read { db in try Int.fetchOne(db, sql: sql) }
    }

    @Test func aRunItsListGivesIsStoredOnceAndReadBackInPlace() throws {
        let items = items([4, 5, 6, 7])
        let other = Finding(code: .categoryNotAtLevel, severity: .warning, message: "类型不属于本层级",
                            location: Location(file: "统计局.xlsx", sheet: "Sheet1", cell: "C5"), item: items[1].key,
                            field: .category)
        let messages = ["法律法规登记表中没有《统计法》", "请人工核对"]
        let findings = run(items[0], messages) + [other] + run(items[1], messages)
            + run(items[2], ["另一条"] + messages.dropFirst())   // not what the list gave first: stored as it is
            + run(items[3], messages)
        let workspace = try imported(items, findings)

        #expect(try workspace.findings(revision: "2024") == findings)
        #expect(try count("SELECT COUNT(*) FROM findings WHERE listId IS NOT NULL", in: workspace) == 3)
        #expect(try count("SELECT COUNT(*) FROM findings", in: workspace) == 6)
        #expect(try count("SELECT COUNT(*) FROM listFindings", in: workspace) == 2)
        #expect(try workspace.findings(revision: "2024", excluding: [.notInRegistry]) == [other])
        #expect(try workspace.findings(revision: "2024", stage: "check").count == findings.count)
    }

    @Test func aListsFindingsGoWithTheLastItemCitingIt() throws {
        let items = items([4, 5])
        let workspace = try imported(items, run(items[0], ["甲", "乙"]) + run(items[1], ["甲", "乙"]))
        #expect(try count("SELECT COUNT(*) FROM listFindings", in: workspace) == 2)
        _ = try workspace.importSource(StoreFixtures.source("统计局.xlsx", sha256: "bbb"), revision: "2024") {
            StoreFixtures.contents([StoreFixtures.item("别的事项", file: "统计局.xlsx")])
        }
        #expect(try count("SELECT COUNT(*) FROM listFindings", in: workspace) == 0)
        #expect(try count("SELECT COUNT(*) FROM texts WHERE text = '甲'", in: workspace) == 0)
        #expect(try workspace.findings(revision: "2024").isEmpty)
    }
}
