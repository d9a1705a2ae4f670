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

    private var known = TextTable(capacity: 1 << 16)
    private var seen = SeenStrings()
    private var count: Int32 = 0
    /// The texts numbered since the last `takeNew()`, in number order.
    private var new: [New] = []

    /// The number of `text`, a new one when the text was not seen before.
    /// - Parameter remembering: false for a string made for one row (a finding's message or
    ///   item key): it would only take a slot of `SeenStrings` and keep the string alive.
    mutating func number(of text: String, remembering: Bool = true) -> Int32 {
        if let number = seen.id(of: text) { return Int32(truncatingIfNeeded: number) }
        let number = known.insert(count, for: text)
        if number == count {
            count += 1
            new.append(New(text: text, hash: TextIDs.hash(of: text)))
        }
        if remembering { seen.remember(text, id: Int64(number)) }
        return number
    }

    /// The number of an optional text, `DraftTexts.none` for nil.
    mutating func number(of text: String?, remembering: Bool = true) -> Int32 {
        text.map { number(of: $0, remembering: remembering) } ?? Self.none
    }

    /// Stands for a missing text (SQL NULL).
    static let none: Int32 = -1

    /// The texts numbered since the last call, in number order.
    mutating func takeNew() -> [New] {
        defer { new = [] }
        return new
    }
}
