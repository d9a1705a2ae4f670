import Foundation

/// Numbers by text, the texts told apart by their UTF-8 bytes (as `UTF8Key` tells them), for
/// tables that take hundreds of thousands of texts: the store's text numbers, the items' keys.
///
/// A `Dictionary<UTF8Key, …>` hashes every text with SipHash on each lookup, and again on
/// each growth; here a text is hashed once per lookup by a word-at-a-time mix, and its hash
/// kept in its slot, so growing never reads a text again and a probe compares texts only when
/// their hashes match. Open addressing, linear probing, at most half full.
public struct TextTable: Sendable {

    private var slots: [Slot]
    private var texts: [String] = []
    private var values: [Int32] = []
    private var mask: Int

    public init(capacity: Int = 1_024) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = Array(repeating: Slot(hash: 0, entry: Slot.empty), count: size)
        mask = size - 1
    }

    public var count: Int { texts.count }

    /// The number stored for `text`, nil when none is.
    public subscript(text: String) -> Int32? {
        Self.withBytes(of: text) { bytes in
            let hash = Self.hash(bytes)
            let slot = find(bytes, hash: hash)
            let entry = slots[slot].entry
            return entry == Slot.empty ? nil : values[Int(entry)]
        }
    }

    /// Stores `value` for `text` unless a number is stored for it already; the number stored.
    @discardableResult
    public mutating func insert(_ value: Int32, for text: String) -> Int32 {
        Self.withBytes(of: text) { bytes in
            let hash = Self.hash(bytes)
            let slot = find(bytes, hash: hash)
            if slots[slot].entry != Slot.empty { return values[Int(slots[slot].entry)] }
            slots[slot] = Slot(hash: hash, entry: Int32(texts.count))
            texts.append(text)
            values.append(value)
            if texts.count * 2 > slots.count { grow() }
            return value
        }
    }

    /// The slot holding `bytes`, or the empty one where they would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let candidate = slots[slot]
            if candidate.entry == Slot.empty { return slot }
            if candidate.hash == hash, Self.withBytes(of: texts[Int(candidate.entry)], { Self.equal($0, bytes) }) {
                return slot
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(hash: 0, entry: Slot.empty), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.entry != Slot.empty {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].entry != Slot.empty { index = (index + 1) & mask }
            slots[index] = slot
        }
    }

    /// A 64-bit hash of the length and the bytes, eight at a time — of a long text (legal bases
    /// and duties run to kilobytes) only its first and last 64 bytes, as `UTF8Key` hashes it:
    /// texts that share those are told apart by comparing them. Stable within a process only.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let start = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        guard bytes.count > 128 else { return mix(words(bytes, into: start)) }
        let head = words(UnsafeBufferPointer(rebasing: bytes.prefix(64)), into: start)
        return mix(words(UnsafeBufferPointer(rebasing: bytes.suffix(64)), into: head))
    }

    @inline(__always)
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>, into hash: UInt64) -> UInt64 {
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var hash = hash
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
            hash = mix(hash ^ tail)
        }
        return hash
    }

    /// Random per process, so that no file can be made to put all its texts in one probe run.
    private static let seed = UInt64.random(in: .min ... .max)

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// The text's bytes in place (see `UTF8Key.withBytes`).
    @inline(__always)
    private static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = text
        return text.withUTF8(body)
    }
}

/// A slot of a `TextTable`: a text's hash and where the text is.
private struct Slot {
    var hash: UInt64
    /// Index in the table's entries; `Slot.empty` for none.
    var entry: Int32
    static let empty: Int32 = -1
}
