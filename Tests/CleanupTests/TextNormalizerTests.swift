@testable import Cleanup
import Testing

@Suite("Normalizing text")
struct TextNormalizerTests {
    @Test("line breaks and spaces inside Chinese words are removed")
    func brokenWords() {
        #expect(TextNormalizer.normalize("对拒绝\n配合统\n计调查", keepsStructure: false) == "对拒绝配合统计调查")
        #expect(TextNormalizer.normalize("《 中华人民共和国统计法》（ 1983年12 月8 日", keepsStructure: true)
                == "《中华人民共和国统计法》（1983年12月8日")
    }

    @Test("structure is kept in long texts: list markers, articles, tags and titles start lines")
    func keepsStructure() {
        let text = "第三十八条：有权采取下列措施：\n  （一）发出查询书；\n （二）要求提供\n记录；\n2. 其他\n【法规】《条例》"
        #expect(TextNormalizer.normalize(text, keepsStructure: true)
                == "第三十八条：有权采取下列措施：\n（一）发出查询书；\n（二）要求提供记录；\n2.其他\n【法规】《条例》")
    }

    @Test("short fields lose every line break")
    func shortFields() {
        #expect(TextNormalizer.normalize("行政\n确认", keepsStructure: false) == "行政确认")
    }

    @Test("full-width letters and digits become half-width; brackets in Chinese text become full-width")
    func widths() {
        #expect(TextNormalizer.normalize("第１２条 ＩＳＯ ９００１", keepsStructure: false) == "第12条ISO 9001")
        #expect(TextNormalizer.normalize("条例(2020年修订):第一条", keepsStructure: false) == "条例（2020年修订）：第一条")
    }

    @Test("spaces outside ASCII count as spaces: the ideographic space and a no-break space")
    func otherSpaces() {
        #expect(TextNormalizer.normalize("行政\u{3000}确认", keepsStructure: false) == "行政确认")
        #expect(TextNormalizer.normalize("行政\u{00A0}确认", keepsStructure: false) == "行政确认")
        #expect(TextNormalizer.normalize("ISO\u{2003}9001（第二版）", keepsStructure: false) == "ISO 9001（第二版）")
    }

    @Test("text with nothing to change comes back as written", arguments: ["对拒绝配合统计调查的处罚", "《统计法》第二十八条", "A-1"])
    func unchanged(text: String) {
        #expect(TextNormalizer.normalize(text, keepsStructure: true) == text)
    }

    @Test("Chinese numerals", arguments: [("二十八", 28), ("十四", 14), ("一百二十", 120), ("一千二百六十", 1260),
                                         ("三百零五", 305), ("28", 28), ("十", 10)])
    func numerals(text: String, value: Int) {
        #expect(ChineseNumber.value(Substring(text)) == value)
    }
}
