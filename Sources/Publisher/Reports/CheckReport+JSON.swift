import Catalogue
import Foundation

extension CheckReport {
    /// One JSON object per finding: code, severity, message, unit, item, field, file, sheet,
    /// cell, rule, fix. Keys are English and stable; values a reader sees are Chinese.
    public func json() -> Data {
        let stream = ReportStream()
        try? writeJSON(to: stream)
        return Data(stream.bytes)
    }

    /// Writes `json()` finding by finding, byte for byte as `JSONEncoder` wrote the whole array
    /// (`.prettyPrinted`, `.sortedKeys`, `.withoutEscapingSlashes`; an absent field, sheet or
    /// cell left out): the encoder held every finding as a tree of dictionaries, then the text,
    /// then a copy — a gigabyte for a 200,000-item check.
    public func writeJSON(to stream: ReportStream) throws {
        guard !findings.isEmpty else { return try stream.write("[\n\n]") }
        var object = JSONObjectWriter(stream: stream)
        for index in findings.indices {
            let entry = self[index], finding = entry.finding
            try stream.write(index == 0 ? "[\n  {" : ",\n  {")
            object.first = true
            // In the order of `.sortedKeys`.
            if let cell = finding.location.cell { try object.member("cell", cell) }
            try object.member("code", finding.code.rawValue)
            if let field = finding.field { try object.member("field", field.rawValue) }
            try object.member("file", finding.location.file)
            try object.member("fix", entry.fix)
            try object.member("item", entry.itemName)
            try object.member("message", finding.message)
            try object.member("rule", entry.rule)
            try object.member("severity", finding.severity.rawValue)
            if let sheet = finding.location.sheet { try object.member("sheet", sheet) }
            try object.member("unit", entry.unit)
            try stream.write("\n  }")
        }
        try stream.write("\n]")
    }
}

/// Writes the members of one object, one per line. A text without a quote, a backslash or a
/// control character is copied between quotes; any other is encoded by `JSONEncoder` itself
/// (once per distinct text), so its escapes cannot drift from what the encoder wrote.
private struct JSONObjectWriter {
    let stream: ReportStream
    var first = true
    private var escaped: [UTF8Key: String] = [:]
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(stream: ReportStream) {
        self.stream = stream
    }

    mutating func member(_ key: String, _ text: String) throws {
        try stream.write(first ? "\n    \"" : ",\n    \"")
        first = false
        try stream.write(key)
        try stream.write("\" : ")
        guard Self.isPlain(text) else { return try stream.write(literal(text)) }
        try stream.write("\"")
        try stream.write(text)
        try stream.write("\"")
    }

    /// Whether the text has no quote, backslash or control character, read from its bytes in
    /// place (`utf8.allSatisfy` went through the view byte by byte, a call each).
    private static func isPlain(_ text: String) -> Bool {
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return false
            }
            return true
        }
        return plain ?? text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    private mutating func literal(_ text: String) -> String {
        if let known = escaped[UTF8Key(text)] { return known }
        let literal = (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
        escaped[UTF8Key(text)] = literal
        return literal
    }
}
