import Catalogue
@testable import Cleanup
import Testing

@Suite("Basis checks run once per basis text")
struct BasisCheckTests {
    /// Cites an article the law does not have, and tags no rank: findings from two basis checks.
    static let basis = "《中华人民共和国统计法》第九十九条"

    @Test("an item's findings are those of every check run on it alone, each placed at its own basis cell")
    func sameAsEachCheckOnTheItem() throws {
        let cleaner = try Shipped.cleaner()
        let raws = try (0..<3).map { try rawItem("事项\($0)", basis: Self.basis, row: $0 + 3) }
        let (items, findings) = cleaner.clean(raws)
        let context = CheckContext(schemas: cleaner.schemas)
        let eachCheck = items.flatMap { item in ItemChecks.all.flatMap { $0.check(item, in: context) } }
        #expect(findings == eachCheck)
        #expect(Set(findings.map(\.code)).isSuperset(of: [.articleOutOfRange, .rankTagMismatch]))
        #expect(findings.filter { $0.code == .articleOutOfRange }.map(\.location.cell) == ["E3", "E4", "E5"])
    }

    @Test("items of different units citing one basis get the same messages, each about itself")
    func placedOnEachItem() throws {
        let cleaner = try Shipped.cleaner()
        let raws = [try rawItem("甲事项", basis: Self.basis), try rawItem("乙事项", basis: Self.basis, unit: "克拉玛依市商务局")]
        let (items, findings) = cleaner.clean(raws)
        let outOfRange = findings.filter { $0.code == .articleOutOfRange }
        #expect(outOfRange.count == 2)
        #expect(Set(outOfRange.map(\.message)).count == 1)
        #expect(outOfRange.map(\.item) == items.map(\.key))
    }
}
