import Foundation

/// A text compared and hashed as its UTF-8 bytes. Swift's `String` normalizes non-ASCII text
/// (NFC) on every hash and comparison, which made up a quarter of a large diff; the keys here
/// are already normalized, so their bytes are enough — and byte order is as deterministic.
/// The text itself is kept (a native string's UTF-8 is contiguous), so making a key copies
/// nothing, and its bytes are hashed and compared in one call (`memcmp`).
struct ByteKey: Hashable, Comparable, Sendable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        lhs.text.utf8.count == rhs.text.utf8.count && compare(lhs, rhs) == 0
    }

    static func < (lhs: ByteKey, rhs: ByteKey) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// memcmp over the common length, then the shorter first.
    private static func compare(_ lhs: ByteKey, _ rhs: ByteKey) -> Int {
        var (left, right) = (lhs.text, rhs.text)
        return left.withUTF8 { a in
            right.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : Int(memcmp(a.baseAddress!, b.baseAddress!, common))
                return order != 0 ? order : a.count - b.count
            }
        }
    }
}
