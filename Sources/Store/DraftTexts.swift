import Catalogue

/// The texts of an import numbered in order of first appearance, on the thread that prepares
/// the rows (`ChunkPreparer`), so the thread that writes them only looks a number up in an
/// array (`SourceWriter`): finding a text among those seen — by string identity
/// (`SeenStrings`) or by its bytes — and hashing a new one was a third of the writing thread.
///
/// A number is not an id: the writer turns each new text into its `texts` id, in order (found
/// in the database or inserted), so ids come out as they did when texts were looked up one by one.
struct DraftTexts {
    /// A text first seen in the current chunk, with its `TextIDs.hash`.
    struct New {
        var text: String
        var hash: Int64
    }

    /// Where a text is remembered by its storage: the items' values, or the findings' messages
    /// and item keys — apart, so a message made for one finding pushes out no value, while the
    /// hundreds of thousands of findings a basis check places repeat one message string.
    enum Cache {
        case values, findings
    }

    private var known = TextTable(capacity: 1 << 16)
    private var seenValues = SeenStrings()
    private var seenInFindings = SeenStrings()
    private var count: Int32 = 0
    /// The texts numbered since the last `takeNew()`, in number order.
    private var new: [New] = []

    /// The number of `text`, a new one when the text was not seen before.
    mutating func number(of text: String, in cache: Cache = .values) -> Int32 {
        let seen = cache == .values ? seenValues.id(of: text) : seenInFindings.id(of: text)
        if let seen { return Int32(truncatingIfNeeded: seen) }
        let number = known.insert(count, for: text)
        if number == count {
            count += 1
            new.append(New(text: text, hash: TextIDs.hash(of: text)))
        }
        switch cache {
        case .values: seenValues.remember(text, id: Int64(number))
        case .findings: seenInFindings.remember(text, id: Int64(number))
        }
        return number
    }

    /// The number of an optional text, `DraftTexts.none` for nil.
    mutating func number(of text: String?, in cache: Cache = .values) -> Int32 {
        text.map { number(of: $0, in: cache) } ?? Self.none
    }

    /// Stands for a missing text (SQL NULL).
    static let none: Int32 = -1

    /// The texts numbered since the last call, in number order.
    mutating func takeNew() -> [New] {
        defer { new = [] }
        return new
    }
}
