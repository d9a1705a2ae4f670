import Catalogue
import Concurrency
import Foundation

/// Writes a `ChangeDocument` byte for byte as `JSONEncoder` does with `.sortedKeys`,
/// `.prettyPrinted` and `.withoutEscapingSlashes`, without its generic machinery, which took a
/// fifth of a file-to-file diff: a 200,000-item report is a quarter of a gigabyte.
///
/// The shape (keys in sorted order, two-space indent, `" : "`, an empty array as `[`, a blank
/// line and `]`) is written here; every scalar that needs more than plain copying — a text
/// with a quote, a backslash or a control character, a number with a fraction — and the small
/// summary are encoded by `JSONEncoder` itself, so their spelling cannot drift.
struct ChangeJSONWriter {
    /// Bytes, made `Data` at the end: appending to `Data` piece by piece costs twice as much.
    private var output: [UInt8] = []
    private var numbers: [Double: [UInt8]] = [:]
    private let encoder = JSONBytes.encoder()

    /// The report's bytes; its changes are written in chunks on all cores.
    static func data(_ document: ChangeDocument) throws -> Data {
        var pieces = try pieces(document)
        var data = Data(capacity: pieces.reduce(0) { $0 + $1.count })
        for index in pieces.indices {
            data.append(contentsOf: pieces[index])
            pieces[index] = []
        }
        return data
    }

    /// The report's bytes in pieces that follow each other (the changes in chunks written on
    /// all cores): a file can take them one by one, without a copy of the whole report.
    static func pieces(_ document: ChangeDocument) throws -> [[UInt8]] {
        var (head, tail) = (ChangeJSONWriter(), ChangeJSONWriter())
        head.append("{\n  \"changes\" : ")
        var pieces = [head.output]
        if document.changes.isEmpty {
            tail.append("[\n\n  ]")
        } else {
            pieces[0] += Array("[".utf8)
            pieces += try changes(document.changes)
            tail.append("\n  ]")
        }
        try tail.write(rest: document)
        pieces.append(tail.output)
        return pieces
    }

    /// The elements of the changes array (without its brackets), in chunks written on all
    /// cores: a 200,000-item report is a quarter of a gigabyte, written on one core while the
    /// other had nothing to do. Each chunk is written as the whole array would write it.
    private static func changes(_ entries: [Change]) throws -> [[UInt8]] {
        let chunks = Concurrent.chunks(entries.count, minimum: 2_000)
        return try Concurrent.map(chunks.count) { chunk in
            Result {
                var writer = ChangeJSONWriter()
                writer.output.reserveCapacity(chunks[chunk].count * 1_200)
                try writer.elements(entries[chunks[chunk]], indent: 2, continuing: chunk > 0) { writer, change in
                    try writer.write(change)
                }
                return writer.output
            }
        }.map { try $0.get() }
    }

    /// Everything after the changes array.
    private mutating func write(rest document: ChangeDocument) throws {
        append(",\n  \"new\" : ")
        try string(document.new)
        append(",\n  \"old\" : ")
        try string(document.old)
        append(",\n  \"staleDecisions\" : \(document.staleDecisions),\n  \"summary\" : ")
        // The summary encoded on its own, indented one level deeper (no text holds a raw line break).
        // A blank line (inside an empty array) stays blank.
        let summary = Array(try encoder.encode(document.summary))
        for (index, byte) in summary.enumerated() {
            output.append(byte)
            if byte == UInt8(ascii: "\n") && summary[index + 1] != UInt8(ascii: "\n") { append("  ") }
        }
        append("\n}")
    }

    /// A change as `ChangeDocument.Entry` encodes it, read from the change in place.
    private mutating func write(_ change: Change) throws {
        append("\n      \"confidence\" : ")
        try number(ChangeDocument.Entry.rounded(change.confidence))
        if let direction = change.direction { try field("direction", direction.rawValue, indent: 6) }
        append(",\n      \"fields\" : ")
        try array(change.fieldChanges, indent: 6) { writer, field in
            try writer.field("field", field.field.rawValue, indent: 10, first: true)
            try writer.field("label", field.field.label, indent: 10)
            if let new = field.new { try writer.field("new", new, indent: 10) }
            if let old = field.old { try writer.field("old", old, indent: 10) }
        }
        try field("kind", change.kind.rawValue, indent: 6)
        try field("label", change.label, indent: 6)
        append(",\n      \"new\" : ")
        try array(change.new, indent: 6) { writer, item in try writer.write(item) }
        append(",\n      \"old\" : ")
        try array(change.old, indent: 6) { writer, item in try writer.write(item) }
        append(",\n      \"reasons\" : ")
        try array(change.reasons, indent: 6) { writer, reason in
            try writer.field("code", reason.code.rawValue, indent: 10, first: true)
            if let score = reason.score {
                writer.append(",\n          \"score\" : ")
                try writer.number(ChangeDocument.Entry.rounded(score))
            }
            try writer.field("text", reason.text, indent: 10)
        }
        let (review, reviewer) = ChangeDocument.Entry.review(of: change)
        try field("review", review, indent: 6)
        if let reviewer { try field("reviewer", reviewer, indent: 6) }
    }

    /// An item as `ChangeDocument.Item` encodes it.
    private mutating func write(_ item: ItemRef) throws {
        var first = true
        if let category = item.category {
            try field("category", category, indent: 10, first: true)
            first = false
        }
        append(first ? "\n          \"itemKeys\" : " : ",\n          \"itemKeys\" : ")
        try array(item.itemKeys, indent: 10, objects: false) { writer, key in try writer.string(key.rawValue) }
        try field("key", item.key.rawValue, indent: 10)
        try field("level", LevelGroup(item.unit.level).label, indent: 10)
        try field("name", item.name, indent: 10)
        try field("slug", item.key.slug, indent: 10)
        try field("unit", item.unit.name, indent: 10)
    }

    /// `[`, each element on its own line one level in (objects braced), `]`; empty: `[`, a blank line, `]`.
    private mutating func array<Element>(_ elements: [Element], indent: Int, objects: Bool = true,
                                         _ body: (inout ChangeJSONWriter, Element) throws -> Void) throws {
        guard !elements.isEmpty else {
            append("[\n\n\(Self.spaces[indent])]")
            return
        }
        append("[")
        try self.elements(elements[...], indent: indent, objects: objects, continuing: false, body)
        append("\n\(Self.spaces[indent])]")
    }

    /// An array's elements, each on its own line one level in; `continuing`: after earlier ones.
    private mutating func elements<Element>(_ elements: ArraySlice<Element>, indent: Int, objects: Bool = true,
                                            continuing: Bool,
                                            _ body: (inout ChangeJSONWriter, Element) throws -> Void) throws {
        let inner = Self.spaces[indent + 2]
        for (index, element) in zip(elements.indices, elements) {
            append(index == elements.startIndex && !continuing ? "\n" : ",\n")
            append(inner)
            if objects { append("{") }
            try body(&self, element)
            if objects { append("\n\(inner)}") }
        }
    }

    /// `"name" : "value"` on a new line at `indent`, after a comma unless it is an object's first.
    private mutating func field(_ name: String, _ value: String, indent: Int, first: Bool = false) throws {
        try JSONBytes.appendField(name, value, indent: indent, first: first, to: &output, encoder: encoder)
    }

    private mutating func string(_ text: String) throws {
        try JSONBytes.appendString(text, to: &output, encoder: encoder)
    }

    private mutating func number(_ value: Double) throws {
        if let known = numbers[value] {
            output += known
            return
        }
        let encoded = Array(try encoder.encode(value))
        numbers[value] = encoded
        output += encoded
    }

    private mutating func append(_ text: String) {
        JSONBytes.append(text, to: &output)
    }

    private static let spaces = JSONBytes.spaces
}
