import Catalogue

/// Reads a run of article references at a position: `第二十八条第一款第（三）项`,
/// `第三十条、第三十二条`, `第十四至十七条`, `第十四条至第十七条`, `第一百二十条之一`,
/// `第二十八条第一款第（三）项、第（四）项` (an item of the same paragraph).
/// A single pass over the characters; nothing is read that does not start with `第`.
struct ArticleReferenceParser {
    let characters: [Scalar]
    var index: Int

    /// The largest range expanded into single articles; a longer one is a typo.
    static let widestRange = 200

    init(_ characters: [Scalar], at index: Int) {
        self.characters = characters
        self.index = index
    }

    /// The references starting at `index` (empty when none starts there); `index` ends after them.
    mutating func parse() -> [ArticleReference] {
        var references: [ArticleReference] = []
        var requiresPrefix = true
        while true {
            let start = index
            guard let parsed = reference(after: references.last, requiresPrefix: requiresPrefix) else {
                index = start
                break
            }
            references.append(contentsOf: parsed)
            let beforeSeparator = index
            guard skipSeparator() else { break }
            if peek() == nil { index = beforeSeparator; break }
            requiresPrefix = false
        }
        return references
    }

    /// One reference (or one range), continuing `previous` when it names only a paragraph or item.
    private mutating func reference(after previous: ArticleReference?, requiresPrefix: Bool) -> [ArticleReference]? {
        let hasPrefix = consume("第")
        if requiresPrefix && !hasPrefix { return nil }
        guard let first = number() else { return nil }
        if consume("至") || consume("-") || consume("—") || consume("到") {
            _ = consume("第")
            guard let last = number(), consume("条"), last >= first, last - first <= Self.widestRange else { return nil }
            return (first...last).map { ArticleReference(article: $0) }
        }
        guard let unit = next() else { return nil }
        switch unit {
        case "条":
            var reference = ArticleReference(article: first)
            if consume("之"), let suffix = number() { reference.suffix = suffix }
            qualify(&reference)
            if skipRangeWord() {
                let save = index
                if consume("第"), let last = number(), consume("条"), last >= first, last - first <= Self.widestRange {
                    return (first...last).map { ArticleReference(article: $0) }
                }
                index = save
            }
            return [reference]
        case "款":
            guard var reference = previous else { return nil }
            reference.paragraph = first
            reference.item = nil
            qualify(&reference)
            return [reference]
        case "项":
            guard var reference = previous else { return nil }
            reference.item = first
            return [reference]
        default:
            return nil
        }
    }

    /// `第一款`, `第（三）项` after an article.
    private mutating func qualify(_ reference: inout ArticleReference) {
        let save = index
        if consume("第"), let paragraph = number(), consume("款") {
            reference.paragraph = paragraph
        } else {
            index = save
        }
        let itemStart = index
        if consume("第"), let item = number(), consume("项") {
            reference.item = item
        } else {
            index = itemStart
        }
    }

    /// A number, bare or in brackets: `二十八`, `28`, `（三）`, `(3)`.
    private mutating func number() -> Int? {
        let save = index
        let bracketed = consume("（") || consume("(")
        let start = index
        while let character = peek(), ChineseNumber.isDigit(character) { index += 1 }
        guard index > start, let value = ChineseNumber.value(Substring(String(scalars: characters[start..<index]))) else {
            index = save
            return nil
        }
        if bracketed && !(consume("）") || consume(")")) {
            index = save
            return nil
        }
        return value
    }

    private static let separators = ScalarSet("、，,和及或")

    private mutating func skipSeparator() -> Bool {
        guard let character = peek() else { return false }
        if character == "以" { return consumeWord("以及") }
        guard Self.separators.contains(character) else { return false }
        index += 1
        return true
    }

    private mutating func skipRangeWord() -> Bool {
        consume("至") || consume("到")
    }

    private func peek() -> Scalar? { index < characters.count ? characters[index] : nil }

    private mutating func next() -> Scalar? {
        defer { index += 1 }
        return peek()
    }

    private mutating func consume(_ character: Scalar) -> Bool {
        guard peek() == character else { return false }
        index += 1
        return true
    }

    private mutating func consumeWord(_ word: String) -> Bool {
        var cursor = index
        for character in word.unicodeScalars {
            guard cursor < characters.count, characters[cursor] == character else { return false }
            cursor += 1
        }
        index = cursor
        return true
    }
}
