/// Texts by field (`ItemField`): an item's values, their cells, its clean values. One slot
/// per field, the field's `ordinal` its index: a `Dictionary` hashed the field on every lookup
/// and insert — millions of times an import, three dictionaries an item — where here a field
/// is an array index. Iterates in field order; reads and writes as a dictionary does.
public struct FieldValues: Sendable {
    /// A slot per field, or none while no field has a value (an empty set allocates nothing).
    @usableFromInline var slots: [String?]
    /// The fields with a value.
    public private(set) var count: Int

    public init() {
        slots = []
        count = 0
    }

    /// Inlinable: read across modules millions of times an import, a call each cost more than the read.
    @inlinable
    public subscript(field: ItemField) -> String? {
        get { slots.isEmpty ? nil : slots[field.ordinal] }
        set { set(newValue, at: field.ordinal) }
    }

    @usableFromInline
    mutating func set(_ value: String?, at index: Int) {
        if slots.isEmpty {
            guard value != nil else { return }
            slots = Array(repeating: nil, count: Self.fields.count)
        }
        count += (value == nil ? 0 : 1) - (slots[index] == nil ? 0 : 1)
        slots[index] = value
    }

    public var isEmpty: Bool { count == 0 }

    /// `ItemField.allCases`, made once (the synthesized property builds a new array each time).
    @usableFromInline static let fields = ItemField.allCases

    /// The fields with a value, in field order.
    public var keys: [ItemField] { map(\.key) }

    /// The values, in field order.
    public var values: [String] { map(\.value) }

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
        for index in mapped.slots.indices { mapped.slots[index] = try mapped.slots[index].map(transform) }
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
        @usableFromInline let slots: [String?]
        @usableFromInline var index = 0

        @inlinable init(slots: [String?]) { self.slots = slots }

        @inlinable
        public mutating func next() -> (key: ItemField, value: String)? {
            while index < slots.count {
                defer { index += 1 }
                if let value = slots[index] { return (FieldValues.fields[index], value) }
            }
            return nil
        }
    }

    @inlinable
    public func makeIterator() -> Iterator { Iterator(slots: slots) }

    public var underestimatedCount: Int { count }
}

extension FieldValues: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (ItemField, String)...) {
        self.init(elements)
    }
}

extension FieldValues: Hashable {
    public static func == (a: FieldValues, b: FieldValues) -> Bool {
        a.count == b.count && fields.allSatisfy { a[$0] == b[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for (field, value) in self {
            hasher.combine(field)
            hasher.combine(value)
        }
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
