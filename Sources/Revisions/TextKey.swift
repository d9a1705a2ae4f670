import Catalogue

/// `ItemKey.normalized`, fast for the texts catalogues are made of. Foundation's NFKC costs
/// microseconds per text, a fifth of a 200,000-item diff; a text of CJK ideographs and ASCII
/// letters and digits is already in NFKC, so its key is the text without ASCII punctuation,
/// symbols and spaces — exactly what `ItemKey.normalized` returns. Anything else (full-width
/// forms, CJK punctuation, compatibility ideographs) takes the general path.
enum TextKey {
    static func normalized(_ text: String) -> String {
        var needsGeneralPath = false
        var dropsASCII = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x4E00...0x9FFF: continue
            case 0...0x7F: dropsASCII = true
            default:
                needsGeneralPath = true
            }
            if needsGeneralPath { break }
        }
        if needsGeneralPath { return ItemKey.normalized(text) }
        guard dropsASCII else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.value > 0x7F || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            result.append(scalar)
        }
        return String(result)
    }

    /// `ItemKey(unit:name:subItem:)` built from the fast path.
    static func itemKey(unit: String, name: String, subItem: String?) -> ItemKey {
        ItemKey(rawValue: [unit, name, subItem ?? ""].map(normalized).joined(separator: "|"))
    }
}
