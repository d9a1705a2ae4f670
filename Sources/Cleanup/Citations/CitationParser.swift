import Catalogue

/// Splits a normalized basis cell into citations and reads each one: the rank tag as
/// written (`【法律】`, `【行法规】`), the title in 《》 (or, after a tag, without them), the note
/// in （）, the article references as numbers and the quoted article text, kept apart.
///
/// Where a citation starts: at each rank tag; inside a tagged part, and in cells without tags,
/// at a `《` that begins a line or follows `；`, `。` or `、` — a `《` inside a sentence of quoted
/// article text (`违反《…》规定的`) is not a new citation.
public struct CitationParser: Sendable {
    /// Tag text (whitespace removed) → rank.
    public var rankTags: [String: LegalRank]
    /// Whether a citation keeps its text and quoted article text; a caller that reads only the
    /// laws and articles (a file-to-file diff) saves making them.
    public var keepsTexts = true

    public init(rankTags: [String: LegalRank]) {
        self.rankTags = rankTags
    }

    /// The citations of a basis cell's normalized text, unresolved, in order.
    public func parse(_ text: String) -> [Citation] {
        let characters = text.scalarArray
        return segments(characters).compactMap { citation(Array(characters[$0])) }
    }

    /// The ranges of the text that each hold one citation.
    func segments(_ characters: [Scalar]) -> [Range<Int>] {
        var starts: [Int] = []
        for index in characters.indices {
            if characters[index] == "【", tagEnd(characters, from: index) != nil {
                starts.append(index)
            } else if characters[index] == "《", beginsCitation(characters, at: index) {
                starts.append(index)
            }
        }
        // A 《 right after a tag belongs to that tag's citation.
        starts = starts.filter { start in
            characters[start] != "《" || !starts.contains { $0 < start && characters[$0] == "【" && precedingTagEnd(characters, before: start) == $0 }
        }
        guard !starts.isEmpty else { return [] }
        return starts.indices.map { position in
            starts[position]..<(position + 1 < starts.count ? starts[position + 1] : characters.count)
        }
    }

    /// A `《` at the start, after a line break, or after `；` `。` `、` `;` (whitespace skipped).
    private func beginsCitation(_ characters: [Scalar], at index: Int) -> Bool {
        var cursor = index - 1
        while cursor >= 0, characters[cursor] == " " { cursor -= 1 }
        guard cursor >= 0 else { return true }
        return Self.citationBreaks.contains(characters[cursor])
    }

    /// The start of the tag that ends right before `index` (whitespace skipped), if any.
    private func precedingTagEnd(_ characters: [Scalar], before index: Int) -> Int? {
        var cursor = index - 1
        while cursor >= 0, characters[cursor] == " " { cursor -= 1 }
        guard cursor >= 0, characters[cursor] == "】" else { return nil }
        return characters[..<cursor].lastIndex(of: "【")
    }

    /// The index of the `】` closing a short tag opened at `start`; nil when the brackets hold
    /// a number (`【2023】2号`, a document number) rather than a rank.
    private func tagEnd(_ characters: [Scalar], from start: Int) -> Int? {
        let limit = min(characters.count, start + 16)
        guard let end = characters[start..<limit].firstIndex(of: "】"), end > start + 1,
              !characters[(start + 1)..<end].contains(where: \.isASCIIDigit) else { return nil }
        return end
    }

    /// One citation from its segment; nil when the segment holds neither a tag nor a title.
    func citation(_ characters: [Scalar]) -> Citation? {
        var cursor = 0
        var citation = Citation(text: "")
        if characters.first == "【", let end = tagEnd(characters, from: 0) {
            let tag = String(scalars: characters[1..<end].filter { !$0.isSpace })
            citation.rankTag = tag
            citation.taggedRank = rankTags[tag]
            cursor = end + 1
        }
        skipSpaces(characters, &cursor)
        if cursor < characters.count, characters[cursor] == "《" {
            citation.title = TitleReader.bracketed(characters, &cursor)
        } else if citation.rankTag != nil {
            citation.title = TitleReader.bare(characters, &cursor)
        }
        skipSpaces(characters, &cursor)
        if cursor < characters.count, characters[cursor] == "（" || characters[cursor] == "(" {
            citation.note = TitleReader.note(characters, &cursor)
        }
        readArticles(characters, from: cursor, into: &citation)
        guard citation.rankTag != nil || citation.title != nil else { return nil }
        return citation
    }

    /// References at the start of the remainder and of each of its lines; the rest of each
    /// line is quoted article text. The citation's `text` is what is left: tag, title, note and
    /// the references, one line each (the quoted text is not stored twice).
    private func readArticles(_ characters: [Scalar], from start: Int, into citation: inout Citation) {
        var quoted: [String] = []
        var written = keepsTexts ? [String(scalars: characters[..<min(start, characters.count)]).trimmingWhitespace] : []
        var lineStart = start
        while lineStart < characters.count {
            let lineEnd = characters[lineStart...].firstIndex(of: "\n") ?? characters.count
            var cursor = lineStart
            while cursor < lineEnd, characters[cursor].isSpace { cursor += 1 }
            var parser = ArticleReferenceParser(characters, at: cursor)
            let references = parser.parse()
            if !references.isEmpty {
                citation.articles.append(contentsOf: references)
                cursor = parser.index
                if keepsTexts { written.append(String(scalars: characters[lineStart..<cursor]).trimmingWhitespace) }
                while cursor < lineEnd, characters[cursor].isSpace { cursor += 1 }
                if cursor < lineEnd, Self.colons.contains(characters[cursor]) { cursor += 1 }
            }
            if keepsTexts {
                let line = String(scalars: characters[min(cursor, lineEnd)..<lineEnd]).trimmingWhitespace
                if !line.isEmpty { quoted.append(line) }
            }
            lineStart = lineEnd + 1
        }
        citation.quotedText = quoted.isEmpty ? nil : quoted.joined(separator: "\n")
        citation.text = written.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// What a citation's `《` follows, and the colon after its references.
    private static let citationBreaks = ScalarSet("\n；。、;")
    private static let colons = ScalarSet("：:")

    private func skipSpaces(_ characters: [Scalar], _ cursor: inout Int) {
        while cursor < characters.count, characters[cursor].isSpace { cursor += 1 }
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
