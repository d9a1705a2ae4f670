/// The ids of strings seen lately, by the address of their UTF-8 storage: a cache with one
/// slot per address bucket, so a lookup neither hashes nor compares the text.
///
/// Sound because each slot keeps its string: while a string sits in a slot its storage cannot
/// be freed, so no other text can live at that address, and a shared native string's bytes
/// never change. Strings of up to 15 bytes live inside the `String` value itself, with no
/// storage of their own, and are left to `UTF8Key` (cheap to hash anyway).
public struct SeenStrings: Sendable {
    private struct Slot: Sendable {
        /// Where the remembered string's bytes are; 0 for an empty slot.
        var address: UInt = 0
        var count = 0
        var id: Int64 = 0
    }

    public init() {}

    private var slots = [Slot](repeating: Slot(), count: Self.slotCount)
    /// The remembered strings, only to keep their storage alive (reading them would retain them).
    private var strings = [String](repeating: "", count: Self.slotCount)
    private static let slotCount = 1 << 16

    public func id(of text: String) -> Int64? {
        guard let address = Self.storage(of: text) else { return nil }
        let slot = slots[Self.slot(of: address)]
        return slot.address == address && slot.count == text.utf8.count ? slot.id : nil
    }

    public mutating func remember(_ text: String, id: Int64) {
        guard let address = Self.storage(of: text) else { return }
        let slot = Self.slot(of: address)
        slots[slot] = Slot(address: address, count: text.utf8.count, id: id)
        strings[slot] = text
    }

    private static func slot(of address: UInt) -> Int {
        Int(truncatingIfNeeded: (address >> 4) ^ (address >> 20)) & (slotCount - 1)
    }

    /// Where a native string's bytes are stored; nil for a small or non-contiguous string.
    private static func storage(of text: String) -> UInt? {
        guard text.utf8.count > 15 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? nil
    }
}
