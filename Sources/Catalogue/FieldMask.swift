/// A fixed set of fields as bits, for the sets asked about for every field of every item
/// (which fields are short, which are unique to an item): membership is a shift and a mask,
/// where `Set<ItemField>` hashed the field each time.
public struct FieldMask: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline let bits: UInt32

    public init(_ fields: some Sequence<ItemField>) {
        bits = fields.reduce(0) { $0 | 1 << UInt32($1.ordinal) }
    }

    public init(arrayLiteral fields: ItemField...) {
        self.init(fields)
    }

    @inlinable
    public func contains(_ field: ItemField) -> Bool {
        bits & 1 << UInt32(field.ordinal) != 0
    }
}
