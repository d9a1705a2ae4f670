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
public enum TextNormalizer {
    public static func normalize(_ text: String, keepsStructure: Bool) -> String {
        let characters = Array(folded(text))
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character.isWhitespace else {
                result.append(character)
                index += 1
                continue
            }
            var end = index
            var hadBreak = false
            while end < characters.count, characters[end].isWhitespace {
                if characters[end].isNewline { hadBreak = true }
                end += 1
            }
            let before = result.last
            let after = end < characters.count ? characters[end] : nil
            if let before, let after {
                if keepsStructure, hadBreak, startsStructure(characters, at: end) {
                    result.append("\n")
                } else if !isChinese(before), !isChinese(after) {
                    result.append(" ")
                }
            }
            index = end
        }
        return chinesePunctuation(result)
    }

    /// Full-width ASCII letters and digits → half-width; the ideographic space → a space.
    static func folded(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x3000 && ($0.value == 0x3000 || (0xFF01...0xFF5E).contains($0.value)) })
        else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0x3000 {
                scalars.append(" ")
            } else if (0xFF10...0xFF19).contains(scalar.value) || (0xFF21...0xFF3A).contains(scalar.value)
                        || (0xFF41...0xFF5A).contains(scalar.value) || scalar.value == 0xFF0E,
                      let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(ascii)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `(` `)` `:` `;` next to Chinese text → `（` `）` `：` `；`.
    static func chinesePunctuation(_ text: String) -> String {
        guard text.contains(where: { "():;".contains($0) }) else { return text }
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : nil
            let after = index + 1 < characters.count ? characters[index + 1] : nil
            let chinese = before.map(isChinese) == true || after.map(isChinese) == true
            switch character {
            case "(" where chinese || after.map(ChineseNumber.isDigit) == true: result.append("（")
            case ")" where chinese: result.append("）")
            case ":" where chinese: result.append("：")
            case ";" where chinese: result.append("；")
            default: result.append(character)
            }
        }
        return result
    }

    /// A Chinese character or Chinese (full-width) punctuation.
    static func isChinese(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x2018...0x201D, 0x2026: return true
        default: return false
        }
    }

    /// Whether a line starting at `index` begins a structural unit worth its own line.
    static func startsStructure(_ characters: [Character], at index: Int) -> Bool {
        guard index < characters.count else { return false }
        let first = characters[index]
        if "【《〈".contains(first) { return true }
        var cursor = index
        if first == "第" || first == "（" || first == "(" { cursor += 1 }
        var digits = 0
        while cursor < characters.count, ChineseNumber.isDigit(characters[cursor]) {
            digits += 1
            cursor += 1
        }
        guard digits > 0, cursor < characters.count else { return false }
        let marker = characters[cursor]
        switch first {
        case "第": return "条款项章节".contains(marker)
        case "（", "(": return marker == "）" || marker == ")"
        default: return ".、．)）".contains(marker)
        }
    }
}
