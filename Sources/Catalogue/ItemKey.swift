import Foundation

/// The stable identity of an item inside a workspace: its unit, normalized name and
/// normalized sub-item. The same item re-imported (even from a reworded or reformatted
/// file, or at another row) keeps its key, so item pages, reviewer decisions and history
/// survive a re-import.
///
/// Normalization for keys is deliberately blunt and must never change once workspaces exist:
/// NFKC (full-width → half-width), then every whitespace, line break and punctuation mark
/// removed, so `对拒绝\n配合统计调查` and `对拒绝配合统计调查 ` are one key.
public struct ItemKey: RawRepresentable, Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(unit: String, name: String, subItem: String?) {
        let parts = [unit, name, subItem ?? ""].map(ItemKey.normalized)
        self.rawValue = parts.joined(separator: "|")
    }

    /// A short, URL-safe, stable slug (16 hex digits of FNV-1a 64 over the key's UTF-8):
    /// the file name of the item's page.
    public var slug: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in rawValue.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public var description: String { rawValue }

    public static func < (lhs: ItemKey, rhs: ItemKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The key form of a text: NFKC, no whitespace, no punctuation or symbols.
    public static func normalized(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
        var result = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where !ItemKey.dropped.contains(scalar) {
            result.append(scalar)
        }
        return String(result)
    }

    private static let dropped: CharacterSet = .whitespacesAndNewlines
        .union(.punctuationCharacters).union(.symbols).union(.controlCharacters)
}
