@testable import Sheets
import Testing

@Suite("UTF-8 validation")
struct UTF8ValidatorTests {
    /// The offset of the first ill-formed sequence as the standard library's parser finds it.
    static func reference(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    static func validated(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { UTF8Validator.firstInvalidOffset(in: $0) }
    }

    @Test func agreesWithTheStandardLibraryOnMixedText() {
        // Pieces text is made of, and pieces that break it: overlongs, surrogates, values past
        // U+10FFFF, stray continuation bytes, truncated sequences.
        let pieces: [[UInt8]] = [
            Array("abcdefgh".utf8), Array("1,".utf8), Array("行政许可".utf8), Array("é".utf8), Array("𠀀".utf8),
            Array("\u{E000}\u{FFFD}".utf8), [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE4, 0xB8], [0xF0, 0x9F, 0x98], [0xFF], [0xE4, 0x41, 0x80],
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            #expect(Self.validated(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }

    @Test(arguments: 0...17)
    func aBadByteAfterARunOfASCIIIsFoundWhereItIs(run: Int) {
        let bytes = Array(repeating: UInt8(ascii: "a"), count: run) + [0xE4, 0xB8] + Array("bc".utf8)
        #expect(Self.validated(bytes) == run)
        #expect(Self.validated(Array(repeating: UInt8(ascii: "a"), count: run) + Array("许可".utf8)) == nil)
    }

    @Test func aSequenceCutByTheEndIsInvalid() {
        #expect(Self.validated(Array("许".utf8).dropLast()) == 0)
        #expect(Self.validated(Array("a许".utf8).dropLast()) == 1)
    }
}
