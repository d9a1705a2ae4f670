/// The clean view of one `RawItem`: normalized text, the category from the level's schema,
/// the parsed citations — with the raw item kept beside it, so a reviewer always sees what
/// was written next to what powerlist made of it.
public struct PowerItem: Codable, Hashable, Sendable {
    /// The stable identity of the item in a workspace (unit + normalized name + sub-item).
    public var key: ItemKey
    public var raw: RawItem
    /// Normalized values of the text fields (line breaks inside words removed, widths unified);
    /// a field absent here is empty.
    public var fields: FieldValues
    /// The category resolved in the level's schema; nil when the written one is unknown.
    public var category: CategoryRef?
    public var citations: [Citation]

    public init(key: ItemKey, raw: RawItem, fields: FieldValues, category: CategoryRef?, citations: [Citation]) {
        self.key = key
        self.raw = raw
        self.fields = fields
        self.category = category
        self.citations = citations
    }

    public subscript(field: ItemField) -> String? { fields[field] }
    public var name: String { fields[.name] ?? "" }
    public var subItemName: String? { fields[.subItemName] }
    public var unit: AdminUnit { raw.unit }
}

/// A category of a level's schema: `行政许可` with code `XK`.
public struct CategoryRef: Codable, Hashable, Sendable {
    public var name: String
    /// The two-letter code used in power codes (`XK`, `CF`); nil for categories that have none.
    public var code: String?

    public init(name: String, code: String? = nil) {
        self.name = name
        self.code = code
    }
}
