import Catalogue
import Foundation
import Testing
@testable import Revisions
import TestSupport

@Suite("Each record's normalized name and code, once per pair of twins")
struct RecordFactsTests {
    typealias F = Fixture

    @Test("A record's facts are its name as TextKey normalizes it and its code, normalized; none for an empty code")
    func factsOfOneSide() {
        let items = [F.item("统计 执法-检查", code: "tj-001"), F.item("统计调查项目审批", code: "")]
        let facts = RecordFacts(items)
        #expect(facts.nameKeys == items.map { TextKey.normalized($0.name) })
        #expect(facts.codes == [MainItem.code(items[0].fields), nil])
        #expect(facts.codes[0] != nil)
    }

    @Test("A twin takes the other side's facts; a record without a twin has its own worked out")
    func twinsShareTheOtherSidesFacts() {
        let old = [F.item("统计执法检查", code: "TJ001"), F.item("统计调查项目审批")]
        let oldFacts = RecordFacts(old)
        // Deliberately different texts: only the pointer decides where a twin's facts come from.
        let new = [F.item("另一个名称", code: "XX9"), F.item("对迟报统计资料的处罚", code: "TJ002")]
        let newFacts = RecordFacts(new, twinOf: [1, -1], sharing: oldFacts)
        #expect(newFacts.nameKeys == [oldFacts.nameKeys[1], TextKey.normalized(new[1].name)])
        #expect(newFacts.codes == [oldFacts.codes[1], MainItem.code(new[1].fields)])
    }

    @Test("Many records, worked out in chunks on several cores, come out in record order")
    func chunksKeepTheOrder() {
        let items = (0..<12_001).map { F.item("事项\($0)", serial: "\($0)", code: $0 % 3 == 0 ? "C\($0)" : nil) }
        let facts = RecordFacts(items)
        #expect(facts.nameKeys == items.map { TextKey.normalized($0.name) })
        #expect(facts.codes == items.map { MainItem.code($0.fields) })
    }

    @Test("Pairs found with twins pointed at are the pairs found without", arguments: [1, 2, 3])
    func identicalPairsWithTwins(seed: Int) throws {
        var generator = SeededGenerator(state: UInt64(seed))
        let (old, new) = IdenticalPairsTests.revisions(&generator)
        // A new item is a twin of the old item with the same raw texts but the serial.
        let twinOf = new.map { item in
            old.firstIndex { $0.raw.unit == item.raw.unit && $0.name == item.name && $0.fields[.code] == item.fields[.code] } ?? -1
        }
        #expect(twinOf.contains { $0 >= 0 })
        let (plain, twinned) = (IdenticalPairs(old: old, new: new), IdenticalPairs(old: old, new: new, twinOf: twinOf))
        #expect(!plain.changes.isEmpty)
        // The same pairs; in another order (the twins alone in their buckets come first), which
        // `ChangeSet` sorts away.
        func sorted(_ changes: [Change]) -> [Change] { changes.sorted { $0.old[0].key.rawValue < $1.old[0].key.rawValue } }
        #expect(sorted(twinned.changes) == sorted(plain.changes))
        #expect(twinned.oldRecords == plain.oldRecords && twinned.newRecords == plain.newRecords)
    }
}
