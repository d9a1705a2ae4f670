import Catalogue
import Concurrency

/// What the key stages read of each record of one side: its normalized name and its stable
/// code (see `MainItem.code`), worked out once per record, in chunks on all cores.
///
/// A record whose name and code fields are another side's record's (a *twin*, the same bytes
/// in both files, see `IdenticalRecords`) takes that record's facts instead of working them out
/// again: on a yearly revision nine in ten records are twins, and normalizing their names and
/// codes twice was a tenth of `IdenticalPairs`.
///
/// ```swift
/// let old = RecordFacts(oldItems)
/// let new = RecordFacts(newItems, twinOf: twinOf, sharing: old)   // twinOf[i]: an old index or -1
/// ```
struct RecordFacts: Sendable {
    /// By record: `TextKey.normalized` of its name.
    let nameKeys: [String]
    /// By record: its stable code, normalized, if it has one.
    let codes: [String?]

    /// - Parameters:
    ///   - twinOf: by record of `items`, the index in `other`'s items of a record with the same
    ///     name and code fields, or -1; shorter than `items` (empty) for none.
    ///   - other: the facts `twinOf` points into.
    init(_ items: [PowerItem], twinOf: [Int] = [], sharing other: RecordFacts? = nil) {
        self.init(names: items.map(\.name), codeFields: items.map { $0.fields[.code] }, twinOf: twinOf, sharing: other)
    }

    /// The facts of records of these clean names and code fields (see the other `init`).
    init(names: [String], codeFields: [String?], twinOf: [Int] = [], sharing other: RecordFacts? = nil) {
        let chunks = Concurrent.chunks(names.count, minimum: 5_000)
        let parts = Concurrent.map(chunks.count) { chunk in
            var (nameKeys, codes) = ([String](), [String?]())
            nameKeys.reserveCapacity(chunks[chunk].count)
            codes.reserveCapacity(chunks[chunk].count)
            for index in chunks[chunk] {
                if let other, index < twinOf.count, twinOf[index] >= 0 {
                    nameKeys.append(other.nameKeys[twinOf[index]])
                    codes.append(other.codes[twinOf[index]])
                } else {
                    nameKeys.append(TextKey.normalized(names[index]))
                    codes.append(MainItem.code(codeFields[index]))
                }
            }
            return (nameKeys, codes)
        }
        nameKeys = parts.count == 1 ? parts[0].0 : Array(parts.map(\.0).joined())
        codes = parts.count == 1 ? parts[0].1 : Array(parts.map(\.1).joined())
    }

    private init(nameKeys: [String], codes: [String?]) {
        (self.nameKeys, self.codes) = (nameKeys, codes)
    }

    /// The facts of the records at `indices`, in that order.
    func subset(_ indices: [Int]) -> RecordFacts {
        indices.count == nameKeys.count ? self : RecordFacts(nameKeys: indices.map { nameKeys[$0] }, codes: indices.map { codes[$0] })
    }
}
