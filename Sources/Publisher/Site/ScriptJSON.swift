/// JSON written for `<script src>` files: every string escapes `<`, `>`, `&`, quotes, control
/// characters and U+2028/2029 as `\uXXXX`, so a cell holding `</script>` or `<!--` is data in
/// any context a browser might parse it in. Hand-written (not JSONEncoder) so keys keep the
/// order given and the bytes never change between runs.
enum ScriptJSON {
    static func string(_ text: String) -> String {
        // Almost every text (and every posting list) needs no escape: checked on its bytes,
        // the search index writes some 400,000 of them at 100,000 items.
        guard text.utf8.contains(where: mayNeedEscape) else { return "\"" + text + "\"" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<", ">", "&", "'", "\u{2028}", "\u{2029}": out += escaped(scalar)
            default:
                if scalar.value < 0x20 { out += escaped(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func array(_ elements: [String]) -> String { "[" + elements.joined(separator: ",") + "]" }

    static func strings(_ texts: [String]) -> String { array(texts.map(string)) }

    /// A byte of something `string` escapes: quote, backslash, `<`, `>`, `&`, `'`, a control
    /// character, or 0xE2, which starts U+2028 and U+2029 (and other scalars, which are then
    /// left as they are by the scalar walk).
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x5C, 0xE2: true
        default: false
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
