/// A text compared and hashed as its UTF-8 bytes. Swift's `String` normalizes non-ASCII text
/// (NFC) on every hash and comparison, which made up a quarter of a large diff; the keys here
/// are already normalized, so their bytes are enough — and byte order is as deterministic.
struct ByteKey: Hashable, Comparable, Sendable {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// All bytes in one call: `[UInt8]`'s own hashing feeds the hasher one byte at a time.
    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func < (lhs: ByteKey, rhs: ByteKey) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}
