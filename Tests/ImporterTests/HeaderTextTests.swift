@testable import Importer
@testable import Schemas
import Testing

@Suite("Comparing header and cell text")
struct HeaderTextTests {
    @Test("The quick whitespace test agrees with Unicode's White_Space for every scalar of the BMP")
    func whitespaceAgreesWithUnicode() {
        let disagreeing = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter {
            HeaderText.isWhitespace($0) != $0.properties.isWhitespace
        }
        #expect(disagreeing.isEmpty)
    }

    @Test("The quick test of a cell's first and last bytes never skips a text trimming would change")
    func trimmingFastPathIsSafe() {
        // Every whitespace scalar of the BMP, at the start and at the end of CJK, ASCII and mixed text.
        let spaces = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter(\.properties.isWhitespace).map(String.init)
        for space in spaces {
            for text in ["行政许可", "A1", "é", "𠀀", "许可é", "é许可", "许可𠀀"] {
                for padded in [space + text, text + space, space + text + space] {
                    #expect(HeaderText.mayStartOrEndWithWhitespace(padded), "\(padded.unicodeScalars.map(\.value))")
                    #expect(HeaderText.trimmed(padded) == text)
                }
            }
        }
        #expect(!HeaderText.mayStartOrEndWithWhitespace("对违反统计法行为的处罚"))
        #expect(!HeaderText.mayStartOrEndWithWhitespace("A12"))
        #expect(HeaderText.trimmed("对违反统计法行为的处罚") == "对违反统计法行为的处罚")
        #expect(HeaderText.trimmed("") == "")
    }

    @Test("Normal text is normalized to itself; whitespace, full-width forms and a trailing colon are not")
    func normalizeFastPath() {
        #expect(HeaderText.normalize("事项名称") == "事项名称")
        #expect(HeaderText.normalize("事项名称：") == "事项名称")
        #expect(HeaderText.normalize("事项名称:") == "事项名称")
        #expect(HeaderText.normalize("事项\n名称") == "事项名称")
        #expect(HeaderText.normalize("法定期限（天）") == "法定期限(天)")
        #expect(HeaderText.normalize("序\u{200B}号") == "序号")
    }

    @Test("Notes in brackets are dropped, stray closing brackets too; text without brackets is kept")
    func notesDropped() {
        #expect(HeaderText.withoutNotes("法定期限(天/日)") == "法定期限")
        #expect(HeaderText.withoutNotes("收费【征收】依据和标准") == "收费依据和标准")
        #expect(HeaderText.withoutNotes("实施依据)") == "实施依据")
        #expect(HeaderText.withoutNotes("事项名称") == "事项名称")
    }

    @Test("A serial cell lists several serials only with a separator, half- or full-width")
    func multipleSerials() {
        #expect(SerialText.multipleSerials("2,3") == ["2", "3"])
        #expect(SerialText.multipleSerials("2，3") == ["2", "3"])
        #expect(SerialText.multipleSerials("4、5；6") == ["4", "5", "6"])
        #expect(SerialText.multipleSerials("12") == nil)
        #expect(SerialText.multipleSerials("1.2") == nil)
    }
}
