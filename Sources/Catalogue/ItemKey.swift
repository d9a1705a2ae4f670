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

    // Keys are already normalized, so byte equality is the identity; String's own `==` and
    // hashing walk Unicode canonical equivalence, which dominated `check`'s key lookups.
    public static func == (lhs: ItemKey, rhs: ItemKey) -> Bool { UTF8Key(lhs.rawValue) == UTF8Key(rhs.rawValue) }

    public func hash(into hasher: inout Hasher) { UTF8Key(rawValue).hash(into: &hasher) }

    /// The key form of a text: NFKC, no whitespace, no punctuation or symbols.
    public static func normalized(_ text: String) -> String {
        fastNormalized(text) ?? foundationNormalized(text)
    }

    /// The general path: Foundation's NFKC, then the dropped scalars removed.
    static func foundationNormalized(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
        var result = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where !ItemKey.dropped.contains(scalar) {
            result.append(scalar)
        }
        return String(result)
    }

    /// The key form of a text made only of scalars whose NFKC form is known without
    /// Foundation (a few microseconds per text, most of building a key): ASCII, CJK ideographs,
    /// the CJK brackets and stops, curly quotes and the full-width ASCII forms. Nil for any
    /// other text, which takes the general path. Gives exactly what the general path gives.
    static func fastNormalized(_ text: String) -> String? {
        // Most names are ASCII letters and digits and CJK ideographs alone: their key is the text.
        let isKey = text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
            default: false
            }
        }
        if isKey { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                bytes.append(UInt8(scalar.value))
            case 0...0x7F, 0x3000...0x3002, 0x3008...0x3011, 0x3014...0x301B, 0x2018...0x201D,
                 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF5E:
                continue  // NFKC keeps or folds it to ASCII punctuation or a space: dropped either way
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                bytes.append(UInt8(scalar.value - 0xFEE0))  // full-width letter or digit
            case 0x3400...0x4DBF, 0x4E00...0x9FFF:
                UTF8.encode(scalar) { bytes.append($0) }
            default:
                return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let dropped: CharacterSet = .whitespacesAndNewlines
        .union(.punctuationCharacters).union(.symbols).union(.controlCharacters)
}
