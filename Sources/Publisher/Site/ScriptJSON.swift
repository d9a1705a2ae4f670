/// JSON written for `<script src>` files: every string escapes `<`, `>`, `&`, quotes, control
/// characters and U+2028/2029 as `\uXXXX`, so a cell holding `</script>` or `<!--` is data in
/// any context a browser might parse it in. Hand-written (not JSONEncoder) so keys keep the
/// order given and the bytes never change between runs.
enum ScriptJSON {
    static func string(_ text: String) -> String {
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

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
