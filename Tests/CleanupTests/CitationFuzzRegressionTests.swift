import Catalogue
import Cleanup
import Foundation
import Testing

/// Inputs the citation fuzzer (Fuzz/Targets/citation.swift) crashed on, kept so they stay fixed.
@Suite("Citation parser: inputs found by fuzzing")
struct CitationFuzzRegressionTests {
    let parser = CitationParser(rankTags: ["法律": .law])

    /// 2026-11-30: `第一百零3333…条` (twenty-odd digits) overflowed `Int` in `ChineseNumber.value`
    /// (a trap: the process died). A number beyond any article count is no article number now.
    @Test func anArticleNumberTooLongForAnIntIsNoNumber() throws {
        let citations = parser.parse("【法律】《中华人民共和国统计法》第一百零" + String(repeating: "3", count: 30) + "条")
        #expect(citations.first?.title == "中华人民共和国统计法")
        #expect(citations.first?.articles.isEmpty == true)
        #expect(ChineseNumber.value("99999999999999999999999") == nil)
        #expect(ChineseNumber.value("一千二百六十") == 1260, "real numbers still read")
    }

    /// The fuzzer's own input, byte for byte (invalid UTF-8 included, decoded as the harness does).
    @Test func theFuzzersCrashInputParses() throws {
        let bytes = try #require(Data(base64Encoded: "44CQ5rOV5bOV5b49i+OAgeOAiuS4rZXjgIvnrKzkuIDnmb7pm7YzMzMzMzMzMzMzMzMzMzMzMzMzMzMzM+S5uubjgJDms5XlvovjAAAAAAAAAAAAAL49i+OAgeOAiuS4rZXjgIvnrKzkuIDnmb7pm7YzMzMzMzMzMzMzMzMzMzMzM+S5uubjgJDms5XlvovjAAAAAAAAAAAAAAAAAAAAAAAAAICR44CK5LitjuS6QbrmsJHlhQrlMzMzMzMzMzMzjjMzhQrl9g=="))
        _ = parser.parse(String(decoding: bytes, as: UTF8.self))
    }
}
