import Catalogue
@testable import Cleanup
import Testing

@Suite("Reading legal-basis cells into citations")
struct CitationParserTests {
    let parser = CitationParser(rankTags: ["法律": .law, "法规": .regulation, "行政法规": .administrativeRegulation,
                                           "行法规": .administrativeRegulation, "部令": .departmentalRule,
                                           "规范性文件": .normativeDocument])

    @Test("a tagged citation yields tag, title, note, articles and quoted text, kept apart")
    func taggedCitation() throws {
        let cells = parser.parse("【法律】《中华人民共和国统计法》（2024年9月13日第二次修正）\n第四十四条：作为统计调查对象的国家机关……")
        let citation = try #require(cells.first)
        #expect(cells.count == 1)
        #expect(citation.rankTag == "法律")
        #expect(citation.taggedRank == .law)
        #expect(citation.title == "中华人民共和国统计法")
        #expect(citation.note == "2024年9月13日第二次修正")
        #expect(citation.articles == [ArticleReference(article: 44)])
        #expect(citation.quotedText == "作为统计调查对象的国家机关……")
        #expect(citation.text == "【法律】《中华人民共和国统计法》（2024年9月13日第二次修正）\n第四十四条")
    }

    @Test("without texts, the same citations but for their texts and quoted article texts")
    func withoutTexts() {
        var slim = parser
        slim.keepsTexts = false
        let cell = "【法律】《中华人民共和国统计法》（2024年9月13日第二次修正）\n第四十四条：作为统计调查对象的国家机关……\n"
            + "【行法规】统计法实施条例 第五十条第一款、第二款\n《丙条例》第三条；《丁办法》第四条至第六条"
        let (whole, bare) = (parser.parse(cell), slim.parse(cell))
        #expect(whole.count == 4 && bare.count == whole.count)
        for (whole, bare) in zip(whole, bare) {
            var stripped = whole
            stripped.text = ""
            stripped.quotedText = nil
            #expect(bare == stripped)
        }
    }

    @Test("one citation per tag, and per line-starting title inside a tag")
    func splitsCitations() {
        let text = "【法律】《甲法》第一条\n【法规】《乙条例》第二条\n《丙条例》第三条；《丁办法》第四条"
        #expect(parser.parse(text).map(\.title) == ["甲法", "乙条例", "丙条例", "丁办法"])
    }

    @Test("a title quoted inside article text is not a new citation")
    func titleInsideQuotedText() {
        let citations = parser.parse("【法律】《甲法》第五条：违反《乙条例》规定的，处罚款")
        #expect(citations.count == 1)
    }

    @Test("article references become numbers", arguments: [
        ("第二十八条第一款第（三）项", [ArticleReference(article: 28, paragraph: 1, item: 3)]),
        ("第三十条、第三十二条", [ArticleReference(article: 30), ArticleReference(article: 32)]),
        ("第十四至十七条", (14...17).map { ArticleReference(article: $0) }),
        ("第十四条至第十七条", (14...17).map { ArticleReference(article: $0) }),
        ("第一百二十条之一", [ArticleReference(article: 120, suffix: 1)]),
        ("第二十八条第一款第（三）项、第（四）项", [ArticleReference(article: 28, paragraph: 1, item: 3),
                                          ArticleReference(article: 28, paragraph: 1, item: 4)]),
        ("第7条第2款", [ArticleReference(article: 7, paragraph: 2)]),
    ])
    func articleReferences(text: String, expected: [ArticleReference]) {
        #expect(parser.parse("【法律】《甲法》\(text)：条文").first?.articles == expected)
    }

    @Test("rank-tag typos are read as the rank they mean; an unknown tag keeps its text")
    func tagTypos() {
        let citations = parser.parse("【行法规】《甲条例》第一条\n【部令】《乙办法》第二条\n【文 件 x】《丙》")
        #expect(citations.map(\.taggedRank) == [.administrativeRegulation, .departmentalRule, nil])
        #expect(citations.last?.rankTag == "文件x")
    }

    @Test("a title without 《》 after a tag; a doubled 》 and a missing inner 《 are repaired")
    func titleRepairs() {
        #expect(parser.parse("【法律】中华人民共和国统计法第四十四条").first?.title == "中华人民共和国统计法")
        #expect(parser.parse("【法规】《报废机动车回收管理办法》》（国务院令第715号）").first?.title == "报废机动车回收管理办法")
        #expect(parser.parse("【规章】《报废机动车回收管理办法》实施细则》（商务部令2020年第2号）").first?.title
                == "报废机动车回收管理办法实施细则")
    }

    @Test("a number in 【】 is a document number, not a rank tag; an unclosed 《 ends at its note")
    func documentNumbers() {
        let citations = parser.parse("【规范性文件】《某某办法》（新人防办【2023】2号）第三条")
        #expect(citations.map(\.title) == ["某某办法"])
        #expect(parser.parse("【法规】《某某办法（2007年通过）\n第三十二条：违反本办法").first?.title == "某某办法")
    }

    @Test("nested title marks stay in the title")
    func nestedTitle() {
        let title = parser.parse("【法规】《新疆维吾尔自治区实施〈中华人民共和国人民防空法〉办法》（2007年）第十二条").first?.title
        #expect(title == "新疆维吾尔自治区实施〈中华人民共和国人民防空法〉办法")
    }

    @Test("text with neither a tag nor a title yields no citation")
    func noCitation() {
        #expect(parser.parse("根据有关规定办理").isEmpty)
    }
}
