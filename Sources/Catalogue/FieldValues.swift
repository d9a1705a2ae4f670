/// Texts by field (`ItemField`): an item's values, their cells, its clean values. A bit per
/// field says which have a value, and the values are kept in field order, so a field's value is
/// found by counting the bits below its own: a `Dictionary` hashed the field on every lookup and
/// insert — millions of times an import, three dictionaries an item — and a slot for every
/// field took a quarter more memory than the dictionaries on a check's 324,000 records, which
/// fill about half their fields. Iterates in field order; reads and writes as a dictionary does.
public struct FieldValues: Sendable {
    /// Bit `ordinal` set for each field with a value.
    @usableFromInline var mask: UInt32 = 0
    /// The values of the fields in `mask`, in field order.
    @usableFromInline var stored: [String] = []

    public init() {}

    /// Room for `minimumCapacity` values without growing.
    public init(minimumCapacity: Int) {
        stored.reserveCapacity(minimumCapacity)
    }

    /// Inlinable: read across modules millions of times an import, a call each cost more than the read.
    @inlinable
    public subscript(field: ItemField) -> String? {
        get {
            let bit: UInt32 = 1 << UInt32(field.ordinal)
            return mask & bit == 0 ? nil : stored[(mask & (bit &- 1)).nonzeroBitCount]
        }
        set { set(newValue, at: field.ordinal) }
    }

    @usableFromInline
    mutating func set(_ value: String?, at ordinal: Int) {
        let bit: UInt32 = 1 << UInt32(ordinal)
        let index = (mask & (bit &- 1)).nonzeroBitCount
        switch (mask & bit != 0, value) {
        case (true, let value?): stored[index] = value
        case (true, nil): stored.remove(at: index); mask &= ~bit
        case (false, let value?): stored.insert(value, at: index); mask |= bit
        case (false, nil): break
        }
    }

    /// The fields with a value.
    public var count: Int { mask.nonzeroBitCount }

    public var isEmpty: Bool { mask == 0 }

    /// `ItemField.allCases`, made once (the synthesized property builds a new array each time).
    @usableFromInline static let fields = ItemField.allCases

    /// The fields with a value, in field order.
    public var keys: [ItemField] { map(\.key) }

    /// The values, in field order.
    public var values: [String] { stored }

    /// Removes the field's value; returns it.
    @discardableResult
    public mutating func removeValue(forKey field: ItemField) -> String? {
        let old = self[field]
        self[field] = nil
        return old
    }

    /// Every value changed by `transform`.
    public func mapValues(_ transform: (String) throws -> String) rethrows -> FieldValues {
        var mapped = self
        mapped.stored = try stored.map(transform)
        return mapped
    }

    /// The values `isIncluded` keeps.
    public func filter(_ isIncluded: ((key: ItemField, value: String)) throws -> Bool) rethrows -> FieldValues {
        var kept = FieldValues()
        for entry in self where try isIncluded(entry) { kept[entry.key] = entry.value }
        return kept
    }

    /// The values of `pairs`; a field given twice keeps its last value.
    public init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == (ItemField, String) {
        self.init()
        for (field, value) in pairs { self[field] = value }
    }
}

extension FieldValues: Sequence {
    public struct Iterator: IteratorProtocol {
        @usableFromInline let stored: [String]
        /// The fields not met yet.
        @usableFromInline var remaining: UInt32
        @usableFromInline var position = 0

        @inlinable init(_ values: FieldValues) {
            stored = values.stored
            remaining = values.mask
        }

        @inlinable
        public mutating func next() -> (key: ItemField, value: String)? {
            guard remaining != 0 else { return nil }
            let ordinal = remaining.trailingZeroBitCount
            remaining &= remaining &- 1
            defer { position += 1 }
            return (FieldValues.fields[ordinal], stored[position])
        }
    }

    @inlinable
    public func makeIterator() -> Iterator { Iterator(self) }

    public var underestimatedCount: Int { count }
}

extension FieldValues: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (ItemField, String)...) {
        self.init(elements)
    }
}

extension FieldValues: Hashable {
    public static func == (a: FieldValues, b: FieldValues) -> Bool {
        a.mask == b.mask && a.stored == b.stored
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(mask)
        hasher.combine(stored)
    }
}

/// Encoded as the dictionary it stands for.
extension FieldValues: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try [ItemField: String](from: decoder).map { ($0.key, $0.value) })
    }

    public func encode(to encoder: any Encoder) throws {
        try Dictionary(uniqueKeysWithValues: map { ($0.key, $0.value) }).encode(to: encoder)
    }
}

extension FieldValues: CustomStringConvertible {
    public var description: String {
        "[" + map { "\($0.key.rawValue): \($0.value.debugDescription)" }.joined(separator: ", ") + "]"
    }
}
