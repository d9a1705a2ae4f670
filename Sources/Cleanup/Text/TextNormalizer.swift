/// Removes what conversions put inside Chinese text while keeping real structure.
///
/// - A run of whitespace (spaces, full-width spaces, line breaks) next to a Chinese character or
///   Chinese punctuation is removed: `对拒绝\n配合统\n计调查` → `对拒绝配合统计调查`,
///   `（ 1983年12 月8 日` → `（1983年12月8日`.
/// - Between two Latin letters or digits it becomes one space (`ISO 9001`).
/// - In long texts (`keepsStructure`), a line break before a list marker (`1.`, `（一）`, `(一)`),
///   an article (`第四十四条`), a rank tag (`【法律】`) or a title (`《`) is kept: one citation or
///   one list entry per line.
/// - Full-width letters and digits become half-width; in Chinese context, half-width
///   brackets, colons and semicolons become the full-width forms Chinese text uses.
///
/// Works on Unicode scalars (see `Scalar`); text with nothing to change comes back as it is.
public enum TextNormalizer {
    public static func normalize(_ text: String, keepsStructure: Bool) -> String {
        guard mayNeedWork(text) else { return text }
        var scalars = text.scalarArray
        for index in scalars.indices where scalars[index].value >= 0x3000 { scalars[index] = folded(scalars[index]) }
        var result: [Scalar] = []
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            guard scalars[index].isSpace else {
                result.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            var hadBreak = false
            while end < scalars.count, scalars[end].isSpace {
                if scalars[end].isNewline { hadBreak = true }
                end += 1
            }
            if let before = result.last, end < scalars.count {
                if keepsStructure, hadBreak, startsStructure(scalars, at: end) {
                    result.append("\n")
                } else if !isChinese(before), !isChinese(scalars[end]) {
                    result.append(" ")
                }
            }
            index = end
        }
        chinesePunctuation(&result)
        return String(scalars: result)
    }

    /// Whether `text` has a scalar `needsWork` takes, answered from its UTF-8 bytes where they
    /// tell: ASCII, and the three-byte forms of U+3000–U+9FFF that Chinese text is made of
    /// (only U+3000 itself needs work). Decoding every scalar of every field was a good part
    /// of the cleaning; texts with other scalars are decided scalar by scalar as before.
    private static func mayNeedWork(_ text: String) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x28, 0x29, 0x3A, 0x3B, 0x09...0x0D, 0x20: return true
                case ..<0x80: index += 1
                case 0xE3...0xE9:
                    if byte == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return true }
                    index += 3
                default: return nil
                }
            }
            return false
        }
        guard let known = answer ?? nil else { return text.unicodeScalars.contains(where: needsWork) }
        return known
    }

    private static func needsWork(_ scalar: Scalar) -> Bool {
        switch scalar.value {
        case 0x28, 0x29, 0x3A, 0x3B, 0x3000, 0xFF01...0xFF5E: true
        default: scalar.isSpace
        }
    }

    /// Full-width ASCII letters, digits and the full stop → half-width; the ideographic space → a space.
    static func folded(_ scalar: Scalar) -> Scalar {
        switch scalar.value {
        case 0x3000: " "
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF0E: Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        default: scalar
        }
    }

    private static let halfWidthPunctuation = ScalarSet("():;")

    /// `(` `)` `:` `;` next to Chinese text → `（` `）` `：` `；`.
    static func chinesePunctuation(_ scalars: inout [Scalar]) {
        for index in scalars.indices where halfWidthPunctuation.contains(scalars[index]) {
            let before = index > 0 ? scalars[index - 1] : nil
            let after = index + 1 < scalars.count ? scalars[index + 1] : nil
            let chinese = before.map(isChinese) == true || after.map(isChinese) == true
            switch scalars[index] {
            case "(" where chinese || after.map(ChineseNumber.isDigit) == true: scalars[index] = "（"
            case ")" where chinese: scalars[index] = "）"
            case ":" where chinese: scalars[index] = "："
            case ";" where chinese: scalars[index] = "；"
            default: break
            }
        }
    }

    /// A Chinese character or Chinese (full-width) punctuation.
    static func isChinese(_ scalar: Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x2018...0x201D, 0x2026: true
        default: false
        }
    }

    /// Whether a line starting at `index` begins a structural unit worth its own line.
    static func startsStructure(_ scalars: [Scalar], at index: Int) -> Bool {
        guard index < scalars.count else { return false }
        let first = scalars[index]
        if "【《〈".has(first) { return true }
        var cursor = index
        if first == "第" || first == "（" || first == "(" { cursor += 1 }
        while cursor < scalars.count, scalars[cursor].isSpace { cursor += 1 }
        var digits = 0
        while cursor < scalars.count, ChineseNumber.isDigit(scalars[cursor]) {
            digits += 1
            cursor += 1
        }
        guard digits > 0, cursor < scalars.count else { return false }
        let marker = scalars[cursor]
        switch first {
        case "第": return "条款项章节".has(marker)
        case "（", "(": return marker == "）" || marker == ")"
        default: return ".、．)）".has(marker)
        }
    }
}
