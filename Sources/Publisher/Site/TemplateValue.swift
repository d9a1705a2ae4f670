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

/// The names a template looks up, and their values.
typealias TemplateObject = [String: TemplateValue]

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .flag(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements, uniquingKeysWith: { _, last in last }))
    }

    /// A list of objects, the shape of every table a template repeats.
    static func rows(_ objects: [TemplateObject]) -> TemplateValue { .list(objects.map(TemplateValue.object)) }
}
