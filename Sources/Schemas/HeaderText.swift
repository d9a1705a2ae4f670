import Foundation

/// How header text is compared: the same normalization for what a sheet says and for the
/// synonyms in `headers.yaml`, so `序  号`, `子项\n名称` and `序号` are one header.
public enum HeaderText {
    /// Drops every kind of whitespace (spaces, full-width spaces, line breaks) and a trailing
    /// colon, and folds full-width ASCII variants (`（`, `Ａ`) to their half-width forms.
    public static func normalize(_ text: String) -> String {
        // Most text (every item name a row is tested with) is normal already: no new string.
        guard text.unicodeScalars.contains(where: changesInNormalizing) || text.utf8.last == UInt8(ascii: ":") else {
            return text
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) || scalar == "\u{200B}" || scalar == "\u{FEFF}" { continue }
            // Full-width forms U+FF01…U+FF5E map to ASCII U+0021…U+007E.
            if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(folded)
            } else {
                scalars.append(scalar)
            }
        }
        var result = String(scalars)
        while result.hasSuffix(":") { result.removeLast() }
        return result
    }

    /// The normalized text without parenthesized notes: `法定期限(天/日)` → `法定期限`,
    /// `收费(征收)依据和标准` → `收费依据和标准`. Expects normalized input.
    public static func withoutNotes(_ normalized: String) -> String {
        // Most text has no brackets at all and comes back as it is.
        guard normalized.unicodeScalars.contains(where: isBracket) else { return normalized }
        var result = ""
        var depth = 0
        for character in normalized {
            switch character {
            case "(", "[", "【": depth += 1
            case ")", "]", "】": depth = max(0, depth - 1)
            default: if depth == 0 { result.append(character) }
            }
        }
        return result
    }

    /// Cell text trimmed of surrounding whitespace (kept inside), for values and titles.
    public static func trimmed(_ text: String) -> String {
        // Most cells need no trimming; skip Foundation's bridging for them.
        guard mayStartOrEndWithWhitespace(text), let first = text.unicodeScalars.first,
              let last = text.unicodeScalars.last, isWhitespace(first) || isWhitespace(last) else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// False when the first and last bytes show the text neither starts nor ends with
    /// whitespace: an ASCII letter, digit or punctuation, or (for the first) the lead byte of a
    /// scalar from U+4000 on, or (for the last) the end of a three-byte scalar from U+4000 on —
    /// which CJK text is. Reading the last scalar of a string decodes it backwards, and that
    /// was most of trimming a cell.
    static func mayStartOrEndWithWhitespace(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        let firstIsText = (0x21...0x7E).contains(first) || first >= 0xE4
        guard firstIsText else { return true }
        if (0x21...0x7E).contains(last) { return false }
        guard bytes.count >= 3, last >= 0x80 else { return true }
        return bytes[bytes.index(bytes.endIndex, offsetBy: -3)] < 0xE4
    }

    /// `scalar.properties.isWhitespace`, without the property lookup for ASCII letters, digits
    /// and punctuation or for CJK text, which most cells are made of: no scalar after U+3000
    /// is whitespace.
    /// Whether `normalize` drops or folds the scalar.
    private static func changesInNormalizing(_ scalar: Unicode.Scalar) -> Bool {
        isWhitespace(scalar) || scalar == "\u{200B}" || scalar == "\u{FEFF}" || (0xFF01...0xFF5E).contains(scalar.value)
    }

    private static func isBracket(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "(", ")", "[", "]", "【", "】": true
        default: false
        }
    }

    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x7E, 0x3001...: false
        default: scalar.properties.isWhitespace
        }
    }
}
