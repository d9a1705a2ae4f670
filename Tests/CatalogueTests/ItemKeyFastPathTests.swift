@testable import Catalogue
import Testing

/// `ItemKey.normalized` takes a fast path for the scalars catalogues are made of; it must give
/// exactly what Foundation's NFKC path gives, or keys of existing workspaces would change.
@Suite struct ItemKeyFastPathTests {
    /// Every scalar the fast path handles, alone and between ASCII and CJK neighbours.
    @Test func fastPathAgreesWithNFKCForEveryScalarItHandles() throws {
        var handled = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "a\(scalar)1", "统\(scalar)计", "\(scalar)\(scalar)"] {
                guard let fast = ItemKey.fastNormalized(text) else { continue }
                handled += 1
                #expect(fast == ItemKey.foundationNormalized(text), "U+\(String(value, radix: 16))")
            }
        }
        #expect(handled > 4 * 20_000)
    }

    @Test func otherTextTakesTheGeneralPath() {
        #expect(ItemKey.fastNormalized("ｶﾀｶﾅ") == nil)
        #expect(ItemKey.fastNormalized("e\u{301}") == nil)
        #expect(ItemKey.normalized("e\u{301}") == "é")
        #expect(ItemKey.normalized("对拒绝\n配合（统计）调查１２") == "对拒绝配合统计调查12")
    }
}
