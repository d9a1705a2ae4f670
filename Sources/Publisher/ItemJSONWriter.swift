import Catalogue
import Foundation
import Store

/// Writes the JSON export byte for byte as `JSONEncoder` does with `.sortedKeys`,
/// `.prettyPrinted` and `.withoutEscapingSlashes` (see `ItemExport.json`), one item at a time:
/// encoding 100,000 items through `JSONEncoder` built the whole document as a tree first
/// (gigabytes) and took a tenth of a whole `publish`.
///
/// The shape (keys in sorted order, two-space indent, `" : "`, an empty array or object as its
/// bracket, a blank line and the closing bracket) is written here; a text with a quote, a
/// backslash or a control character is encoded by `JSONEncoder` itself, so its spelling cannot
/// drift. The pieces it shares with the diff's `ChangeJSONWriter` are in `JSONBytes`.
struct ItemJSONWriter {
    /// Bytes not yet handed to `sink`.
    private var output: [UInt8] = []
    /// Takes the bytes written so far; called every megabyte or so and at the end.
    private let sink: ([UInt8]) throws -> Void
    private let encoder = JSONBytes.encoder()

    init(sink: @escaping ([UInt8]) throws -> Void) {
        self.sink = sink
        output.reserveCapacity(Self.flushSize + 64 * 1024)
    }

    private static let flushSize = 1 << 20

    /// The document: `items` (each with its `clean` member when `clean` gives one), `region`, `revision`.
    mutating func write(count: Int, item: (Int) -> (stored: StoredItem, clean: PowerItem?),
                        revision: String, region: Region?) throws {
        append("{\n  \"items\" : ")
        try array(count, indent: 2) { writer, index in
            let (stored, clean) = item(index)
            try writer.write(stored, clean: clean)
            if writer.output.count >= Self.flushSize { try writer.flush() }
        }
        if let region {
            append(",\n  \"region\" : {")
            var first = true
            if let code = region.code { try field("code", code, indent: 4, first: true); first = false }
            if let level = region.level { try field("level", level.rawValue, indent: 4, first: first); first = false }
            try field("name", region.name, indent: 4, first: first)
            append("\n  }")
        }
        try field("revision", revision, indent: 2)
        append("\n}\n")
        try flush()
    }

    private mutating func flush() throws {
        guard !output.isEmpty else { return }
        try sink(output)
        output.removeAll(keepingCapacity: true)
    }

    private mutating func write(_ stored: StoredItem, clean: PowerItem?) throws {
        let item = stored.item
        var first = true
        if let clean {
            append("\n      \"clean\" : {")
            try write(clean)
            append("\n      }")
            first = false
        }
        append(first ? "\n      \"extraFields\" : " : ",\n      \"extraFields\" : ")
        try array(item.extraFields.count, indent: 6) { writer, index in
            let extra = item.extraFields[index]
            try writer.field("cell", extra.cell, indent: 10, first: true)
            try writer.field("header", extra.header, indent: 10)
            try writer.field("value", extra.value, indent: 10)
        }
        append(",\n      \"fields\" : ")
        try dictionary(item.fields, indent: 6)
        try field("key", stored.key.rawValue, indent: 6)
        let origin = item.provenance
        append(",\n      \"provenance\" : {\n        \"cells\" : ")
        try dictionary(origin.cells, indent: 8)
        try field("file", origin.file, indent: 8)
        append(",\n        \"firstRow\" : \(origin.firstRow),\n        \"lastRow\" : \(origin.lastRow)")
        try field("range", origin.cellRange, indent: 8)
        try field("sheet", origin.sheet, indent: 8)
        try field("source", stored.sourcePath, indent: 8)
        append("\n      },\n      \"unit\" : {")
        try field("level", item.unit.level.rawValue, indent: 8, first: true)
        try field("name", item.unit.name, indent: 8)
        append("\n      }")
    }

    /// The `clean` member (`CleanExport.JSONClean`): category, citations, fields.
    private mutating func write(_ item: PowerItem) throws {
        var first = true
        if let category = item.category {
            append("\n        \"category\" : {")
            if let code = category.code { try field("code", code, indent: 10, first: true) }
            try field("name", category.name, indent: 10, first: category.code == nil)
            append("\n        }")
            first = false
        }
        append(first ? "\n        \"citations\" : " : ",\n        \"citations\" : ")
        try array(item.citations.count, indent: 8) { writer, index in
            try writer.write(CleanExport.JSONCitation(item.citations[index]))
        }
        append(",\n        \"fields\" : ")
        try dictionary(item.fields, indent: 8)
    }

    private mutating func write(_ citation: CleanExport.JSONCitation) throws {
        append("\n            \"articles\" : ")
        try array(citation.articles.count, indent: 12, objects: false) { writer, index in
            try writer.string(citation.articles[index])
        }
        let optional: [(String, String?)] = [
            ("cell", citation.cell), ("current", citation.current), ("note", citation.note),
            ("quotedText", citation.quotedText), ("rank", citation.rank), ("rankTag", citation.rankTag),
            ("registryTitle", citation.registryTitle), ("registryVersion", citation.registryVersion),
            ("status", citation.status), ("successor", citation.successor), ("text", citation.text), ("title", citation.title),
        ]
        for case let (name, value?) in optional { try field(name, value, indent: 12) }
    }

    /// A `[String: String]` keyed by field names, keys sorted.
    private mutating func dictionary(_ values: FieldValues, indent: Int) throws {
        guard !values.isEmpty else {
            append("{\n\n\(Self.spaces[indent])}")
            return
        }
        append("{")
        var first = true
        for field in Self.sortedFields where values[field] != nil {
            try self.field(field.rawValue, values[field]!, indent: indent + 2, first: first)
            first = false
        }
        append("\n\(Self.spaces[indent])}")
    }

    /// Fields in the order `.sortedKeys` puts their names.
    private static let sortedFields = ItemField.allCases.sorted { $0.rawValue < $1.rawValue }

    /// `[`, each element on its own line one level in (objects braced), `]`; empty: `[`, a blank line, `]`.
    private mutating func array(_ count: Int, indent: Int, objects: Bool = true,
                                _ body: (inout ItemJSONWriter, Int) throws -> Void) throws {
        guard count > 0 else {
            append("[\n\n\(Self.spaces[indent])]")
            return
        }
        append("[")
        for index in 0..<count {
            append(index == 0 ? "\n" : ",\n")
            append(Self.spaces[indent + 2])
            if objects { append("{") }
            try body(&self, index)
            if objects { append("\n\(Self.spaces[indent + 2])}") }
        }
        append("\n\(Self.spaces[indent])]")
    }

    /// `"name" : "value"` on a new line at `indent`, after a comma unless it is an object's first.
    private mutating func field(_ name: String, _ value: String, indent: Int, first: Bool = false) throws {
        try JSONBytes.appendField(name, value, indent: indent, first: first, to: &output, encoder: encoder)
    }

    private mutating func string(_ text: String) throws {
        try JSONBytes.appendString(text, to: &output, encoder: encoder)
    }

    private mutating func append(_ text: String) {
        JSONBytes.append(text, to: &output)
    }

    private static let spaces = JSONBytes.spaces
}
