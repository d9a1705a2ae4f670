extension DisplayWidth {
    /// A cell's text for one table line, at most `width` columns: a line break between two
    /// Chinese characters is dropped (cells wrap mid-phrase, `对拒绝\n配合统\n计调查`), any other
    /// run of whitespace with a line break becomes one space.
    static func tableCell(_ text: String, width: Int = 40) -> String {
        truncate(singleLine(text), to: width)
    }

    static func singleLine(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = result.last, !(of(last) == 2 && of(character) == 2) {
                result.append(" ")
            }
            pendingSpace = false
            result.append(character)
        }
        return result
    }
}
