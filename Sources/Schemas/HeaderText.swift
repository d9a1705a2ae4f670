import Foundation

/// How header text is compared: the same normalization for what a sheet says and for the
/// synonyms in `headers.yaml`, so `序  号`, `子项\n名称` and `序号` are one header.
public enum HeaderText {
    /// Drops every kind of whitespace (spaces, full-width spaces, line breaks) and a trailing
    /// colon, and folds full-width ASCII variants (`（`, `Ａ`) to their half-width forms.
    public static func normalize(_ text: String) -> String {
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
        guard normalized.unicodeScalars.contains(where: { "()[]【】".unicodeScalars.contains($0) }) else { return normalized }
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
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              isWhitespace(first) || isWhitespace(last) else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `scalar.properties.isWhitespace`, without the property lookup for ASCII letters, digits
    /// and punctuation or for CJK text, which most cells are made of: no scalar after U+3000
    /// is whitespace.
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x7E, 0x3001...: false
        default: scalar.properties.isWhitespace
        }
    }
}
