import Foundation

/// A string hashed and compared by its UTF-8 bytes, as SQLite compares texts. `String` hashes
/// and compares by Unicode canonical equivalence, which normalizes Chinese text on every
/// lookup (several times the cost of the bytes) and would merge texts whose bytes differ. Used
/// where texts are looked up by the hundred thousand: the clean step's memo, the store's text ids.
public struct UTF8Key: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The length and, of a long text (legal bases run to kilobytes), only its first and last
    /// 64 bytes: texts that share those are told apart by `==`.
    public func hash(into hasher: inout Hasher) {
        withBytes { bytes in
            hasher.combine(bytes.count)
            guard bytes.count > 128 else { return hasher.combine(bytes: UnsafeRawBufferPointer(bytes)) }
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(64))))
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.suffix(64))))
        }
    }

    public static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        a.withBytes { a in
            b.withBytes { b in
                // The same storage (a clean value left as it was) is equal without reading it.
                a.count == b.count && (a.isEmpty || a.baseAddress == b.baseAddress
                                       || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }

    /// Whether two optional texts have the same bytes: `String`'s `==` compares by canonical
    /// equivalence, which normalizes non-ASCII text unless both are the same string object.
    @inlinable
    public static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): UTF8Key(a) == UTF8Key(b)
        default: false
        }
    }

    /// The text's bytes, read in place: `withUTF8` needs a mutable copy of the string, and the
    /// retain and release of that copy were a good part of each lookup.
    private func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = text
        return text.withUTF8(body)
    }
}
