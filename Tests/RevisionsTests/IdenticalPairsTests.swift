import Catalogue
import Foundation
import Testing
@testable import Revisions
import TestSupport

@Suite("Identical items set aside before the comparison")
struct IdenticalPairsTests {
    typealias F = Fixture

    /// The report of comparing everything, and of comparing the rest with the pairs set aside.
    static func bothWays(_ old: [PowerItem], _ new: [PowerItem], region: Region? = nil, twinOf: [Int] = [])
        throws -> (full: Data, aside: Data, pairs: IdenticalPairs) {
        let options = RevisionDiff.Options(oldLabel: "2023", newLabel: "2024", region: region)
        let pairs = IdenticalPairs(old: old, new: new, region: region, twinOf: twinOf)
        let rest = (old.indices.filter { !pairs.oldRecords.contains($0) }.map { old[$0] },
                    new.indices.filter { !pairs.newRecords.contains($0) }.map { new[$0] })
        let full = RevisionDiff.compare(old: old, new: new, options: options)
        let aside = RevisionDiff.compare(old: rest.0, new: rest.1, options: options, settled: pairs.changes)
        return (try ChangeReport.json(full, includeUnchanged: true), try ChangeReport.json(aside, includeUnchanged: true), pairs)
    }

    /// `bothWays` with each new item's twin given (an old item with the same record, the
    /// serial aside, found once on each side), as a file-to-file diff gives them: then
    /// `LoneTwins` settles the twins alone in their buckets before the grouping.
    static func bothWaysWithTwins(_ old: [PowerItem], _ new: [PowerItem], region: Region? = nil)
        throws -> (full: Data, aside: Data, pairs: IdenticalPairs) {
        let twinOf = new.map { item in
            let olds = old.indices.filter { IdenticalPairs.same(old[$0].raw, item.raw) }
            let news = new.filter { IdenticalPairs.same($0.raw, item.raw) }
            return olds.count == 1 && news.count == 1 ? olds[0] : -1
        }
        return try bothWays(old, new, region: region, twinOf: twinOf)
    }

    @Test("A twin whose code is another main item's common code, or whose unit is another's by the region, is not settled alone")
    func crowdedTwinsStay() throws {
        let region = Region(name: "克拉玛依市")
        let old = [F.item("对迟报统计资料的处罚", serial: "1", code: "TJ20240001"),
                   // One main item of two records (same serial and name): its code is their common prefix.
                   F.item("统计调查项目审批", serial: "2", code: "TJ20240001A"),
                   F.item("统计调查项目审批", serial: "2", code: "TJ20240001B"),
                   // The same unit by the region's key, the same name, no code: the name stage counts two.
                   F.item("统计执法检查", unit: "克拉玛依市统计局", category: "行政检查", serial: "3"),
                   F.item("统计执法检查", unit: "统计局", category: "行政检查", serial: "4"),
                   F.item("统计信用修复", category: "其他行政权力", serial: "5")]
        let new = old.map { item in
            var item = item
            item.raw.fields[.serial] = "1" + (item.raw.fields[.serial] ?? "")
            return item
        }
        let (full, aside, pairs) = try Self.bothWaysWithTwins(old, new, region: region)
        #expect(full == aside)
        let settled = Set(pairs.changes.flatMap(\.old).map(\.name))
        #expect(settled == ["统计信用修复"])
    }

    @Test("An item listed again as it was — renumbered or not — is set aside as unchanged, with the stage that would pair it")
    func identicalItemsAreSetAside() throws {
        let old = [F.item("统计执法检查", category: "行政检查", serial: "1", code: "TJ001"),
                   F.item("统计调查项目审批", category: "行政许可", serial: "2")]
        let new = [F.item("统计执法检查", category: "行政检查", serial: "7", code: "TJ001"),
                   F.item("统计调查项目审批", category: "行政许可", serial: "8")]
        let (full, aside, pairs) = try Self.bothWays(old, new)
        #expect(pairs.changes.map(\.kind) == [.unchanged, .unchanged])
        #expect(Set(pairs.changes.flatMap(\.reasons).map(\.code)) == [.sameCode, .sameName])
        #expect(pairs.oldRecords == [0, 1] && pairs.newRecords == [0, 1])
        #expect(full == aside)
    }

    @Test("Items a key stage might pair otherwise stay in the comparison: a shared code, a name listed twice, a changed text")
    func ambiguousItemsStay() throws {
        let old = [F.item("对拒不提供统计资料的处罚", serial: "1", code: "TJ002"),
                   F.item("对迟报统计资料的处罚", serial: "2", code: "TJ002"),
                   F.item("统计执法检查", category: "行政检查", serial: "3"),
                   F.item("统计执法检查", category: "行政检查", serial: "4"),
                   F.item("统计信用修复", category: "其他行政权力", serial: "5", basis: "《统计法》第四十一条")]
        var new = old
        new[4] = F.item("统计信用修复", category: "其他行政权力", serial: "5", basis: "《统计法》第四十二条")
        let (full, aside, pairs) = try Self.bothWays(old, new)
        #expect(pairs.changes.isEmpty)
        #expect(full == aside)
    }

    @Test("Merges, splits, moves and renames around identical items come out as the full comparison gives them, with twins given or not",
          arguments: [1, 2, 3, 4, 5, 6])
    func mixedRevisionsGiveTheSameReport(seed: Int) throws {
        var generator = SeededGenerator(state: UInt64(seed))
        let (old, new) = Self.revisions(&generator)
        for (full, aside, pairs) in [try Self.bothWays(old, new), try Self.bothWaysWithTwins(old, new)] {
            #expect(!pairs.changes.isEmpty)
            #expect(full == aside)
        }
    }

    /// Forty items of two units, a few merged, split, moved, renamed or modified at random.
    static func revisions(_ generator: inout SeededGenerator) -> (old: [PowerItem], new: [PowerItem]) {
        let units = ["克拉玛依市统计局", "克拉玛依市交通运输局"]
        let subjects = ["道路运输", "统计调查", "出租汽车", "货运站场", "统计执法"]
        let acts = ["经营许可", "变更登记", "监督检查", "违法处罚"]
        var old: [PowerItem] = [], new: [PowerItem] = []
        for index in 0..<40 {
            let unit = units[index % 2], name = subjects[index % 5] + acts[index / 10] + "\(index)"
            let code = index % 3 == 0 ? nil : "C\(index / 2)"   // some codes shared by two items
            let item = F.item(name, unit: unit, serial: "\(index + 1)", code: code, basis: "《统计法》第\(index)条")
            old.append(item)
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: new += F.withSubItems(name + "等", [name, name + "变更"], unit: unit, serial: "\(index + 1)")
            case 1: new.append(F.item(name, unit: "乌尔禾镇", level: .township, serial: "\(index + 1)", code: code))
            case 2: new.append(F.item(name + "（新）", unit: unit, serial: "\(index + 1)", code: code))
            case 3: new.append(F.item(name, unit: unit, serial: "\(index + 1)", code: code, basis: "《统计法》第\(index + 1)条"))
            case 4: break
            default: new.append(F.item(name, unit: unit, serial: "\(index + 41)", code: code, basis: "《统计法》第\(index)条"))
            }
        }
        return (old, new)
    }
}
