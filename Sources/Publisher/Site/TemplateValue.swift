/// A value a site template shows: the page builders fill typed values, so rendering needs no
/// dynamic casts and reflection (what made swift-mustache the larger half of publishing).
enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// Whether a section shows: `false`, `0`, `""` and empty lists hide it, as a missing value does.
    var isTruthy: Bool {
        switch self {
        case .text(let text): !text.isEmpty
        case .number(let number): number != 0
        case .flag(let flag): flag
        case .list(let list): !list.isEmpty
        case .object: true
        }
    }
}

/// The names a template looks up, and their values, in a flat list searched in turn: pages
/// build tens of small objects each (a field row holds two names), and hashing every name on
/// insert and again on lookup — with a dictionary's allocation per object — cost more than
/// comparing a few short names. Setting a name that is present replaces its value.
struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    private var entries: [(name: String, value: TemplateValue)]

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    subscript(name: String) -> TemplateValue? {
        get { entries.first { $0.name == name }?.value }
        set {
            let index = entries.firstIndex { $0.name == name }
            switch (index, newValue) {
            case let (index?, value?): entries[index].value = value
            case let (index?, nil): entries.remove(at: index)
            case let (nil, value?): entries.append((name, value))
            case (nil, nil): break
            }
        }
    }

    /// The other object's values added, replacing those of names present in both.
    mutating func merge(_ other: TemplateObject) {
        entries.reserveCapacity(entries.count + other.entries.count)
        for (name, value) in other.entries { self[name] = value }
    }

    func merging(_ other: TemplateObject) -> TemplateObject {
        var merged = self
        merged.merge(other)
        return merged
    }

    func mapValues<T>(_ transform: (TemplateValue) -> T) -> [String: T] {
        Dictionary(entries.map { ($0.name, transform($0.value)) }, uniquingKeysWith: { _, last in last })
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .flag(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var object: TemplateObject = [:]
        for (name, value) in elements { object[name] = value }
        self = .object(object)
    }

    /// A list of objects, the shape of every table a template repeats.
    static func rows(_ objects: [TemplateObject]) -> TemplateValue { .list(objects.map(TemplateValue.object)) }
}
