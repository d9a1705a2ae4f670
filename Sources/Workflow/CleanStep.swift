import Catalogue
import Importer

/// The clean step of an import: raw items → clean items (`PowerItem`) and their findings.
///
/// A stand-in until the Cleanup module lands: it gives each item its stable key, trims the
/// text fields, and resolves no category and no citation. Everything the import needs from
/// cleaning goes through this one type, so swapping in Cleanup changes this file only.
public struct CleanStep: Sendable {
    public var configuration: ImportConfiguration

    public init(configuration: ImportConfiguration) {
        self.configuration = configuration
    }

    public struct Result: Sendable {
        public var items: [PowerItem]
        public var findings: [Finding]
    }

    public func run(_ items: [RawItem]) -> Result {
        Result(items: items.map(clean), findings: [])
    }

    func clean(_ raw: RawItem) -> PowerItem {
        var fields = raw.fields
        for (field, value) in raw.fields {
            let trimmed = Self.trimmed(value)
            fields[field] = trimmed.isEmpty ? nil : trimmed
        }
        let key = ItemKey(unit: raw.unit.name, name: fields[.name] ?? "", subItem: fields[.subItemName])
        return PowerItem(key: key, raw: raw, fields: fields, category: nil, citations: [])
    }

    /// The text without whitespace at either end — the very same string when there is none,
    /// so the Store's "clean differs from raw" test stays a pointer comparison for most values.
    static func trimmed(_ text: String) -> String {
        guard let first = text.first, let last = text.last, first.isWhitespace || last.isWhitespace else { return text }
        return String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
