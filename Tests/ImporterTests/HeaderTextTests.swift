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
