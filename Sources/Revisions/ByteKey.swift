import Foundation

/// A text compared and hashed as its UTF-8 bytes. Swift's `String` normalizes non-ASCII text
/// (NFC) on every hash and comparison, which made up a quarter of a large diff; the keys here
/// are already normalized, so their bytes are enough — and byte order is as deterministic.
/// The text itself is kept (made contiguous once), so making a key copies nothing, and its
/// bytes are hashed and compared in one call (`memcmp`).
struct ByteKey: Hashable, Comparable, Sendable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    func hash(into hasher: inout Hasher) {
        Self.withBytes(text) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        lhs.text.utf8.count == rhs.text.utf8.count && order(lhs.text, rhs.text) == 0
    }

    static func < (lhs: ByteKey, rhs: ByteKey) -> Bool {
        order(lhs.text, rhs.text) < 0
    }

    /// Byte order of two texts: memcmp over the common length, then the shorter first.
    static func order(_ lhs: String, _ rhs: String) -> Int {
        withBytes(lhs) { a in
            withBytes(rhs) { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : Int(memcmp(a.baseAddress!, b.baseAddress!, common))
                return order != 0 ? order : a.count - b.count
            }
        }
    }

    /// Whether two texts hold the same bytes (equal texts, unless written in two Unicode forms).
    static func same(_ lhs: String?, _ rhs: String?) -> Bool {
        guard let lhs, let rhs else { return lhs == nil && rhs == nil }
        return lhs.utf8.count == rhs.utf8.count && order(lhs, rhs) == 0
    }

    /// The text's UTF-8 without copying it (a bridged or non-contiguous text is copied once).
    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
