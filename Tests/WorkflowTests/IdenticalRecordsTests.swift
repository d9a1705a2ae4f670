import Catalogue
import Foundation
import Importer
import Revisions
import Testing
@testable import Workflow

/// Two CSV files whose records are mostly the same bytes: those are set aside before the
/// importer when the file's shape lets each record stand alone, and the report is the one the
/// full path gives, whichever path is taken.
@Suite struct IdenticalRecordsTests {
    static let header = ["事项编码", "序号", "行使主体", "事项名称", "子项名称", "权力类型", "实施依据"]

    /// A consolidated list of `count` items over two departments and a township.
    static func rows(_ count: Int) -> [[String]] {
        let actors = ["样例县交通运输局", "样例县市场监督管理局", "样例县第一镇人民政府"]
        return (0..<count).map { index in
            ["C\(1000 + index)", "\(index + 1)", actors[index % 3], "对事项\(index)的处罚", "", "行政处罚",
             "《中华人民共和国行政处罚法》第\(index + 1)条"]
        }
    }

    /// `rows` renumbered, with the name of item 2 changed and item 4 left out.
    static func revised(_ rows: [[String]]) -> [[String]] {
        var rows = rows
        rows[2][3] = "对事项2的处理"
        rows.remove(at: 4)
        for index in rows.indices { rows[index][1] = "\(index + 1)" }
        return rows
    }

    private func read(_ old: [[String]], _ new: [[String]], in space: TestWorkspace)
        throws -> (old: [RawItem], new: [RawItem], settled: [Change])? {
        let configuration = try ImportConfiguration.load(workspace: space.folder, schemas: space.loader)
        let cleaner = CleanStep(configuration: configuration, schemas: try space.schemas()).cleaner
        return try IdenticalRecords.read(try space.csv("old.csv", old), try space.csv("new.csv", new),
                                         importer: Importer(configuration: configuration), limits: .excel,
                                         cleaner: { cleaner }, region: nil)
    }

    /// The JSON report of both sides, with identical items set aside or not.
    private func reports(_ old: [[String]], _ new: [[String]], in space: TestWorkspace) throws -> (fast: Data, full: Data) {
        let (oldFile, newFile) = (try space.csv("old.csv", old), try space.csv("new.csv", new))
        var comparison = RevisionComparison(workspaceFolder: space.folder, old: oldFile.url.path, new: newFile.url.path)
        func report() throws -> Data {
            let result = try comparison.run()
            return try ChangeReport.json(result.changeSet, summary: result.summary, groups: result.groups, includeUnchanged: true)
        }
        let fast = try report()
        comparison.setsAsideIdentical = false
        return (fast, try report())
    }

    @Test("Two files whose columns differ are not compared by their bytes: the same bytes are other fields")
    func swappedColumnsAreReadWhole() throws {
        let space = try TestWorkspace()
        let old = [Self.header + ["承办机构"]] + Self.rows(12).map { $0 + ["执法大队"] }
        // The new file lists 承办机构 before 实施依据: each record's bytes as before, but its basis
        // is now 执法大队 and its body the law — every item modified.
        var swappedHeader = Self.header + ["承办机构"]
        swappedHeader.swapAt(6, 7)
        let new = [swappedHeader] + Self.rows(12).map { $0 + ["执法大队"] }
        #expect(try read(old, new, in: space) == nil)
        let (fast, full) = try reports(old, new, in: space)
        #expect(fast == full)
        let changes = try #require((try JSONSerialization.jsonObject(with: fast) as? [String: Any])?["changes"] as? [[String: Any]])
        #expect(!changes.contains { $0["kind"] as? String == "unchanged" })
    }

    @Test func recordsTheSameButTheirSerialAreSettledBeforeTheImporter() throws {
        let space = try TestWorkspace()
        let old = Self.rows(12)
        let sides = try #require(try read([Self.header] + old, [Self.header] + Self.revised(old), in: space))
        // 12 old items: one renamed, one dropped, ten the same bytes once renumbered.
        #expect(sides.settled.count == 10)
        #expect(sides.settled.allSatisfy { $0.kind == .unchanged })
        #expect(sides.old.map(\.name) == ["对事项2的处罚", "对事项4的处罚"])
        #expect(sides.new.map(\.name) == ["对事项2的处理"])
        #expect(sides.new[0].provenance.firstRow == 4)   // its own row in the file
        let units = Set(sides.settled.flatMap { $0.old.map(\.unit.name) })
        #expect(units == ["样例县交通运输局", "样例县市场监督管理局", "样例县第一镇人民政府"])
    }

    @Test func theReportIsTheFullPathsOne() throws {
        let space = try TestWorkspace()
        let old = Self.rows(30)
        let reports = try reports([Self.header] + old, [Self.header] + Self.revised(old), in: space)
        #expect(reports.fast == reports.full)
    }

    @Test func aTwinWhoseCodeIsHeldTwiceIsComparedInFull() throws {
        let space = try TestWorkspace()
        var old = Self.rows(12)
        old[7][0] = old[6][0]   // two items share a code: the code stage pairs neither
        let new = [Self.header] + Self.revised(old)
        old = [Self.header] + old
        let sides = try #require(try read(old, new, in: space))
        #expect(!sides.settled.contains { $0.old.contains { $0.name.contains("事项6") || $0.name.contains("事项7") } })
        #expect(sides.old.contains { $0.name == "对事项6的处罚" && $0.fields[.basis] != nil })
        let reports = try reports(old, new, in: space)
        #expect(reports.fast == reports.full)
    }

    @Test func aTitleAboveTheHeaderSendsTheFileThroughTheFullPath() throws {
        let space = try TestWorkspace()
        let old = [["样例县交通运输局权责清单"]] + [Self.header] + Self.rows(9)
        let new = [["样例县交通运输局权责清单"]] + [Self.header] + Self.revised(Self.rows(9))
        #expect(try read(old, new, in: space) == nil)
        let reports = try reports(old, new, in: space)
        #expect(reports.fast == reports.full)
    }

    @Test func aRowContinuingTheItemAboveSendsTheFileThroughTheFullPath() throws {
        let space = try TestWorkspace()
        var old = Self.rows(9)
        old.insert(["", "", "", "", "", "", "《中华人民共和国行政许可法》第3条"], at: 5)   // more basis for item 4
        #expect(try read([Self.header] + old, [Self.header] + Self.revised(Self.rows(9)), in: space) == nil)
        let reports = try reports([Self.header] + old, [Self.header] + Self.revised(Self.rows(9)), in: space)
        #expect(reports.fast == reports.full)
    }

    @Test func oneUnitWithSeveralLevelTextsSendsTheFileThroughTheFullPath() throws {
        let space = try TestWorkspace()
        // The list's level is its most frequent 实施层级: it depends on every row.
        let header = Self.header + ["实施层级"]
        let old = Self.rows(9).enumerated().map { index, row in
            var row = row
            row[2] = "样例县交通运输局"
            return row + [index < 6 ? "县级" : "地州市级"]
        }
        let new = Self.revised(old)
        #expect(try read([header] + old, [header] + new, in: space) == nil)
        let reports = try reports([header] + old, [header] + new, in: space)
        #expect(reports.fast == reports.full)
    }

    @Test func oneUnitWithOneLevelTextIsSetAside() throws {
        let space = try TestWorkspace()
        let old = Self.rows(9).map { row in
            var row = row
            row[2] = "样例县交通运输局"
            return row
        }
        let sides = try #require(try read([Self.header] + old, [Self.header] + Self.revised(old), in: space))
        #expect(sides.settled.count == 7)
        let reports = try reports([Self.header] + old, [Self.header] + Self.revised(old), in: space)
        #expect(reports.fast == reports.full)
    }

    @Test func anOfficeTakingTheSheetsUnitSendsTheFileThroughTheFullPath() throws {
        let space = try TestWorkspace()
        // An office is no body: its items take the sheet's unit, which depends on every row.
        var old = Self.rows(9)
        old[3][2] = "法规股"
        let new = Self.revised(old)
        #expect(try read([Self.header] + old, [Self.header] + new, in: space) == nil)
        let reports = try reports([Self.header] + old, [Self.header] + new, in: space)
        #expect(reports.fast == reports.full)
    }
}
