import Catalogue
import Foundation
import Testing
@testable import Revisions
import TestSupport

@Suite("The change report's JSON, written by hand")
struct ChangeJSONWriterTests {
    typealias F = Fixture

    /// What `JSONEncoder` gives for the same document, with the report's settings.
    static func encoded(_ changeSet: ChangeSet, groups: [ChangeReport.GroupFigures] = [], includeUnchanged: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(ChangeDocument(changeSet, groups: groups, includeUnchanged: includeUnchanged))
    }

    @Test("Every kind of change, with scores, directions and field changes, comes out as JSONEncoder writes it")
    func comparedRevisions() throws {
        var generator = SeededGenerator(state: 7)
        let (old, new) = IdenticalPairsTests.revisions(&generator)
        let changeSet = F.compare(old, new)
        #expect(Set(changeSet.changes.map(\.kind)).count >= 4)
        let groups = [(group: SummaryGroup(name: "审批事项", definition: "含\"引号\"的口径", categories: ["行政许可"]),
                       counts: changeSet.summary.total)]
        let written = try ChangeReport.json(changeSet, groups: groups, includeUnchanged: true)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: try Self.encoded(changeSet, groups: groups), as: UTF8.self))
    }

    @Test("Quotes, backslashes, line breaks, slashes, a reviewer and an item without category are spelled as JSONEncoder spells them")
    func awkwardTexts() throws {
        let unit = AdminUnit(name: "克拉玛依市/统计局", level: F.county)
        let old = ItemRef(key: ItemKey(rawValue: "a|\"引\"\\号|"), name: "名称\n第二行\t\u{1}", unit: unit, category: nil,
                          itemKeys: [ItemKey(rawValue: "a|b|"), ItemKey(rawValue: "a|c|")])
        let new = ItemRef(key: ItemKey(rawValue: "b|x|"), name: "新名称", unit: unit, category: "行政许可", itemKeys: [])
        let changes = [
            Change(kind: .renamed, old: [old], new: [new],
                   fieldChanges: [FieldChange(field: .name, old: "名称\r\n", new: nil), FieldChange(field: .basis, old: nil, new: "《法》/第1条")],
                   confidence: 0.6666, reasons: [PairingReason(.similarName, score: 0.8125), PairingReason(.remark, detail: "并入\\“甲”")],
                   review: .confirmed(reviewer: "李审核")),
            Change(kind: .moved, direction: .devolved, old: [old], new: [new], confidence: 0.9, reasons: []),
        ]
        let changeSet = ChangeSet(oldLabel: "2023\"", newLabel: "2024/新", changes: changes)
        let written = try ChangeReport.json(changeSet, includeUnchanged: true)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: try Self.encoded(changeSet), as: UTF8.self))
    }

    @Test("A long report, written in chunks on several cores, is joined as JSONEncoder writes it whole")
    func chunkedReport() throws {
        let unit = AdminUnit(name: "克拉玛依市统计局", level: F.county)
        // Enough changes for a chunk per core (2,000 at least each); quotes here and there.
        let changes = (0..<6_001).map { index in
            let name = index % 7 == 0 ? "名称\"\(index)\"" : "名称\(index)"
            let ref = ItemRef(key: ItemKey(rawValue: "a|\(index)|"), name: name, unit: unit, category: "行政许可",
                              itemKeys: [ItemKey(rawValue: "a|\(index)|")])
            return Change(kind: index % 3 == 0 ? .renamed : .unchanged, old: [ref], new: [ref],
                          confidence: Double(index % 10) / 10, reasons: [PairingReason(.sameCode)])
        }
        let changeSet = ChangeSet(oldLabel: "2023", newLabel: "2024", changes: changes)
        let written = try ChangeReport.json(changeSet, includeUnchanged: true)
        #expect(written == (try Self.encoded(changeSet)))
        // Written to a file piece by piece, over a longer file left there: the same bytes.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(repeating: UInt8(ascii: "x"), count: written.count + 100).write(to: file)
        try ChangeReport.writeJSON(changeSet, includeUnchanged: true, to: file)
        #expect(try Data(contentsOf: file) == written)
    }

    @Test("The retained items are counted in the summary but listed only when asked for")
    func unchangedLeftOut() throws {
        var generator = SeededGenerator(state: 7)
        let (old, new) = IdenticalPairsTests.revisions(&generator)
        let changeSet = F.compare(old, new)
        let retained = changeSet.changes.filter { $0.kind == .unchanged }.count
        #expect(retained > 0)
        func kinds(_ data: Data) throws -> [String] {
            let document = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
            return try #require(document["changes"] as? [[String: Any]]).compactMap { $0["kind"] as? String }
        }
        let short = try kinds(ChangeReport.json(changeSet))
        let whole = try kinds(ChangeReport.json(changeSet, includeUnchanged: true))
        #expect(!short.contains("unchanged") && short.count == changeSet.changes.count - retained)
        #expect(whole.filter { $0 == "unchanged" }.count == retained && whole.count == changeSet.changes.count)
        #expect(try ChangeReport.json(changeSet) == (try Self.encoded(changeSet, includeUnchanged: false)))
    }

    @Test("A comparison of nothing is an empty list of changes")
    func empty() throws {
        let changeSet = ChangeSet(oldLabel: "旧版", newLabel: "新版", changes: [])
        #expect(try ChangeReport.json(changeSet, includeUnchanged: true) == (try Self.encoded(changeSet)))
    }
}
