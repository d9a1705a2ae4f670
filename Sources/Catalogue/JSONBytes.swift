import Foundation

/// The bytes of pretty-printed JSON as `JSONEncoder` writes it (`.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes`), appended by hand: the hand-written writers of large documents
/// (the item export, the diff's changes) share these pieces so their bytes agree with the encoder's.
public enum JSONBytes {
    /// Indentation by depth: `spaces[n]` is `n` spaces.
    public static let spaces = (0...16).map { String(repeating: " ", count: $0) }

    /// The encoder whose output the hand-written bytes reproduce; it also escapes the rare text
    /// that needs it.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    public static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    /// A JSON string, escaped by hand exactly as the encoder escapes it (`\"`, `\\`, the short
    /// escapes `\b \t \n \f \r`, other control characters as lowercase `\u00xx`; slashes and
    /// non-ASCII copied): handing texts with a quote or a line break to `JSONEncoder` made it a
    /// third of the JSON download's time. `encoder` is kept for the callers' signatures.
    public static func appendString(_ text: String, to output: inout [UInt8], encoder: JSONEncoder) throws {
        appendString(text, to: &output)
    }

    /// A JSON string between quotes, runs of bytes that need no escaping copied in one append.
    public static func appendString(_ text: String, to output: inout [UInt8]) {
        var text = text
        output.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                appendEscape(byte, to: &output)
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x09: output.append(UInt8(ascii: "t"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        default: output += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `"name" : "value"` on a new line at `indent`, after a comma unless it is an object's first.
    public static func appendField(_ name: String, _ value: String, indent: Int, first: Bool,
                                   to output: inout [UInt8], encoder: JSONEncoder) throws {
        append(first ? "\n" : ",\n", to: &output)
        append(spaces[indent], to: &output)
        output.append(UInt8(ascii: "\""))
        append(name, to: &output)
        output += colon
        try appendString(value, to: &output, encoder: encoder)
    }

    private static let colon = Array("\" : ".utf8)
}
