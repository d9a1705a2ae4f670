import Catalogue
import Testing
@testable import Revisions
import TestSupport

@Suite("The result depends on the items, not on their order or on which side is which")
struct OrderAndSymmetryTests {
    typealias F = Fixture

    /// Two revisions with every kind of change at once.
    static func revisions() -> (old: [PowerItem], new: [PowerItem]) {
        let planning = "克拉玛依市自然资源局"
        let parts = ["建设项目选址意见书核发", "建设用地规划许可证核发", "建设工程规划许可证核发"]
        var old = parts.enumerated().map { F.item($1, unit: planning, category: "行政许可", serial: "\($0 + 1)") }
        var new = F.withSubItems("建设工程规划类许可", parts, unit: planning)
        old += [F.item("种子生产经营许可证核发", unit: "克拉玛依市农业农村局", category: "行政许可"),
                F.item("对拒绝配合统计调查的处罚", laws: [("统计法", 41)]),
                F.item("统计调查项目审批", category: "行政许可", serial: "2"),
                F.item("统计从业资格认定", category: "非行政许可审批", serial: "3"),
                F.item("农村宅基地审批", unit: "克拉玛依市农业农村局", category: "行政许可", serial: "2"),
                F.item("统计执法检查", category: "行政检查", serial: "4", basis: "统计法"),
                F.item("农村危房改造补助审核", unit: "克拉玛依市住房和城乡建设局", category: "行政给付", remarks: "下放至乡镇")]
        new += [F.item("种子生产许可证核发", unit: "克拉玛依市农业农村局", category: "行政许可"),
                F.item("种子经营许可证核发", unit: "克拉玛依市农业农村局", category: "行政许可", serial: "2"),
                F.item("对拒绝阻碍统计调查的处罚", laws: [("统计法", 41)]),
                F.item("统计信用修复", category: "其他行政权力", serial: "2"),
                F.item("统计从业资格认定", category: "其他行政权力", serial: "3"),
                F.item("农村宅基地审批", unit: "乌尔禾镇", level: .township, category: "行政许可"),
                F.item("统计执法检查", category: "行政检查", serial: "4", basis: "中华人民共和国统计法")]
        return (old, new)
    }

    @Test("Every kind appears in the combined revisions")
    func everyKind() {
        let (old, new) = Self.revisions()
        let kinds = F.compare(old, new).kinds
        #expect(kinds == [.merged: 1, .split: 1, .renamed: 1, .abolished: 1, .added: 1, .recategorized: 1,
                          .moved: 2, .modified: 1])
    }

    @Test("Shuffled rows give the same change set", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func shuffled(seed: UInt64) {
        let (old, new) = Self.revisions()
        var generator = SeededGenerator(state: seed)
        let expected = F.compare(old, new)
        #expect(F.compare(old.shuffled(using: &generator), new.shuffled(using: &generator)) == expected)
    }

    @Test("Swapping OLD and NEW swaps abolished ↔ added, merged ↔ split, and reverses moves")
    func swapped() {
        let (old, new) = Self.revisions()
        let forward = F.compare(old, new)
        let backward = RevisionDiff.compare(old: new, new: old, options: .init(oldLabel: "2024", newLabel: "2023"))
        #expect(backward == forward.mirrored)
        #expect(backward.kinds[.merged] == forward.kinds[.split] && backward.kinds[.added] == forward.kinds[.abolished])
        #expect(backward.changes(of: .moved).compactMap(\.direction).sorted { $0.rawValue < $1.rawValue }
            == [.centralized, .centralized])
    }
}
