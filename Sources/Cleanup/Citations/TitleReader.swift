/// Reads the title and the note of a citation.
enum TitleReader {
    /// The title inside 《》 at `cursor`, nested marks balanced (`《…〈…〉…》`, `《…《…》…》`).
    /// Repairs two slips seen in published lists: a doubled close (`《报废机动车回收管理办法》》`)
    /// and a missing inner open (`《报废机动车回收管理办法》实施细则》` →
    /// `报废机动车回收管理办法实施细则`).
    static func bracketed(_ characters: [Scalar], _ cursor: inout Int) -> String? {
        let start = cursor
        var depth = 0
        var title = ""
        while cursor < characters.count {
            let character = characters[cursor]
            cursor += 1
            if character == "\n" { return unclosed(characters, from: start, &cursor) }
            if character == "《" {
                depth += 1
                if depth == 1 { continue }
            } else if character == "》" {
                depth -= 1
                if depth == 0 { break }
            }
            title.unicodeScalars.append(character)
        }
        if cursor < characters.count, characters[cursor] == "》" {
            cursor += 1
        } else if let close = continuation(characters, from: cursor) {
            title += String(scalars: characters[cursor..<close])
            cursor = close + 1
        }
        let trimmed = title.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    private static let noteOrBreak = ScalarSet("（(\n")
    private static let bareTitleEnds = ScalarSet("（(：:\n，。；")

    /// A `《` never closed on its line: the title runs to the first bracket (its note) or the line's end.
    private static func unclosed(_ characters: [Scalar], from start: Int, _ cursor: inout Int) -> String? {
        cursor = start + 1
        while cursor < characters.count, !Self.noteOrBreak.contains(characters[cursor]) { cursor += 1 }
        let title = String(scalars: characters[(start + 1)..<cursor]).trimmingWhitespace
        return title.isEmpty ? nil : title
    }

    /// A short run of title text ending in a stray `》` (no bracket, article or line break first).
    private static func continuation(_ characters: [Scalar], from start: Int) -> Int? {
        let limit = min(characters.count, start + 12)
        for index in start..<limit {
            switch characters[index] {
            case "》": return index > start ? index : nil
            case "（", "(", "第", "\n", "《", "：", "，", "。", " ": return nil
            default: continue
            }
        }
        return nil
    }

    /// A title written without 《》 after a rank tag: up to a bracket, an article, a colon or the
    /// end of the line; nil when that is not a plausible title.
    static func bare(_ characters: [Scalar], _ cursor: inout Int) -> String? {
        let start = cursor
        while cursor < characters.count, !Self.bareTitleEnds.contains(characters[cursor]) {
            if characters[cursor] == "第", cursor + 1 < characters.count, ChineseNumber.isDigit(characters[cursor + 1]) { break }
            cursor += 1
        }
        let title = String(scalars: characters[start..<cursor]).trimmingWhitespace
        guard (2...60).contains(title.count) else {
            cursor = start
            return nil
        }
        return title
    }

    /// The note in brackets at `cursor` (nested brackets balanced), without the outer brackets.
    static func note(_ characters: [Scalar], _ cursor: inout Int) -> String? {
        let start = cursor
        var depth = 0
        while cursor < characters.count {
            let character = characters[cursor]
            cursor += 1
            if character == "（" || character == "(" { depth += 1 }
            if character == "）" || character == ")" {
                depth -= 1
                if depth == 0 {
                    return String(scalars: characters[(start + 1)..<(cursor - 1)]).trimmingWhitespace
                }
            }
        }
        cursor = start
        return nil
    }
}
