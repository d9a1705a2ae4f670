/// One power (or one sub-item of a power) as listed by a unit, values kept as written.
///
/// Sub-items: each row-level sub-item is its own `RawItem`; `fields[.name]` holds the main
/// item's name and `fields[.subItemName]` the sub-item's. Sub-items of one main item share its
/// serial and name, so they stay linked to it without a separate parent record.
public struct RawItem: Codable, Hashable, Sendable {
    public var unit: AdminUnit
    /// Known fields by meaning; empty cells are absent.
    public var fields: FieldValues
    /// Columns the schemas do not know, in sheet order.
    public var extraFields: [ExtraField]
    public var provenance: Provenance

    public init(unit: AdminUnit, fields: FieldValues, extraFields: [ExtraField] = [], provenance: Provenance) {
        self.unit = unit
        self.fields = fields
        self.extraFields = extraFields
        self.provenance = provenance
    }

    public subscript(field: ItemField) -> String? {
        get { fields[field] }
        set { fields[field] = newValue }
    }

    public var name: String { fields[.name] ?? "" }
    public var subItemName: String? { fields[.subItemName] }
    public var category: String? { fields[.category] }
    public var serial: String? { fields[.serial] }
}
