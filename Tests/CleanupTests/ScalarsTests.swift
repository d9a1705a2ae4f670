@testable import Cleanup
import Testing

@Suite("Scalars decoded and encoded by hand")
struct ScalarsTests {
    @Test("a text's scalars, and the text again from them, whatever their UTF-8 length")
    func roundTrip() {
        let pieces = ["a", "1,", "行政许可", "é", "𠀀", "\u{E000}", "\u{FFFD}", "\n", "（一）", "\u{10FFFF}", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.scalarArray == Array(text.unicodeScalars))
            #expect(String(scalars: text.scalarArray) == text)
            #expect(String(scalars: text.scalarArray).utf8.elementsEqual(text.utf8))
        }
    }
}
