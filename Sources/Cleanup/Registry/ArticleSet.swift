import Catalogue

/// The article numbers of one version of an instrument, kept as ranges (`1-53`) plus the
/// inserted articles (`120.1`, 第一百二十条之一). Empty when the registry does not say.
public struct ArticleSet: Sendable, Hashable {
    public var ranges: [ClosedRange<Int>]
    /// Inserted articles as (article, suffix): `120.1` is (120, 1).
    public var inserted: Set<[Int]>

    public init(ranges: [ClosedRange<Int>] = [], inserted: Set<[Int]> = []) {
        self.ranges = ranges
        self.inserted = inserted
    }

    /// Parses `1-53`, `1-5,7,120.1`; nil when malformed.
    public init?(text: Substring) {
        self.init()
        for token in text.split(separator: ",") {
            let bounds = token.split(separator: "-")
            if bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high {
                ranges.append(low...high)
            } else if let number = Int(token) {
                ranges.append(number...number)
            } else {
                let parts = token.split(separator: ".").compactMap { Int($0) }
                guard parts.count == 2 else { return nil }
                inserted.insert(parts)
            }
        }
    }

    public var isEmpty: Bool { ranges.isEmpty && inserted.isEmpty }

    /// The last plain article number (`83` for a law of 83 articles).
    public var last: Int? { ranges.map(\.upperBound).max() }

    public func contains(_ reference: ArticleReference) -> Bool {
        if let suffix = reference.suffix { return inserted.contains([reference.article, suffix]) }
        return ranges.contains { $0.contains(reference.article) }
    }
}
