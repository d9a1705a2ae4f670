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

    /// A JSON string: copied between quotes when nothing in it needs escaping, else encoded.
    public static func appendString(_ text: String, to output: inout [UInt8], encoder: JSONEncoder) throws {
        var text = text
        let plain = text.withUTF8 { bytes in
            !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        guard plain else {
            output += try encoder.encode(text)
            return
        }
        output.append(UInt8(ascii: "\""))
        text.withUTF8 { output.append(contentsOf: $0) }
        output.append(UInt8(ascii: "\""))
    }

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
