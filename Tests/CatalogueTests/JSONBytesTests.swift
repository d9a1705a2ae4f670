import Catalogue
import Foundation
import Testing

@Suite("JSON strings escaped by hand")
struct JSONBytesTests {
    /// The hand-written downloads must stay byte-identical to what `JSONEncoder` writes.
    private func encoded(_ text: String) throws -> [UInt8] { Array(try JSONBytes.encoder().encode(text)) }

    private func appended(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        JSONBytes.appendString(text, to: &output)
        return output
    }

    @Test("Every ASCII character is written as the encoder writes it")
    func everyASCII() throws {
        for value in UInt8(0)..<0x80 {
            let text = String(UnicodeScalar(value))
            #expect(appended(text) == (try encoded(text)), "U+\(String(value, radix: 16))")
        }
    }

    @Test("Quotes, backslashes, line breaks and slashes among Chinese text, as the encoder writes them",
          arguments: ["依据《行政许可法》第\"十二\"条\n第二款", "a\\b/c\r\n\t\u{1}", "", "中文\u{2028}é\u{7f}", "\"\"\\\\"])
    func mixed(_ text: String) throws {
        #expect(appended(text) == (try encoded(text)))
    }
}
