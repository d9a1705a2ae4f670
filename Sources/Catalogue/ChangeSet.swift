import Concurrency
import Foundation

/// Every change between two revisions: each main item of both sides appears in exactly one
/// change. Changes are sorted by kind (in report order), then by their signature, so the
/// set does not depend on the order the items were read in.
public struct ChangeSet: Codable, Hashable, Sendable {
    /// The revisions' labels (`2023`, `2024`), or the file names compared.
    public var oldLabel: String
    public var newLabel: String
    public var changes: [Change]
    /// Reviewers' decisions about items no longer in either revision: not applied.
    public var staleDecisions: [Decision]

    public init(oldLabel: String, newLabel: String, changes: [Change], staleDecisions: [Decision] = []) {
        self.oldLabel = oldLabel
        self.newLabel = newLabel
        self.staleDecisions = staleDecisions
        // Sort keys computed once, compared as UTF-8 bytes packed in one array: `String`
        // comparison normalizes Chinese text on every call, and an array of arrays retained
        // and released two keys per comparison. Indexes are sorted, not the changes: moving a
        // `Change` costs a dozen retains.
        var bytes: [UInt8] = [], starts = [0]
        starts.reserveCapacity(changes.count + 1)
        for index in changes.indices {
            Self.appendSortKey(of: changes[index], to: &bytes)
            starts.append(bytes.count)
        }
        let kinds = changes.map(\.kind)
        let order = Self.sortedIndices(kinds: kinds, keys: bytes, starts: starts)
        self.changes = order.map { changes[$0] }
    }

    /// The changes' indices sorted by kind, then by key bytes; ties keep their order. Each
    /// half is sorted on a core of its own, then the halves are merged (a quarter of a
    /// file-to-file diff's comparison stage ran here on one core).
    private static func sortedIndices(kinds: [ChangeKind], keys: [UInt8], starts: [Int]) -> [Int] {
        let halves = Concurrent.chunks(kinds.count, minimum: 20_000)
        let sorted = Concurrent.map(halves.count) { half in
            keys.withUnsafeBufferPointer { keys in
                starts.withUnsafeBufferPointer { starts in
                    halves[half].sorted { precedes($0, $1, kinds, keys, starts) }
                }
            }
        }
        guard sorted.count == 2 else { return sorted.first ?? [] }
        return keys.withUnsafeBufferPointer { keys in
            starts.withUnsafeBufferPointer { starts in
                var merged: [Int] = []
                merged.reserveCapacity(kinds.count)
                var (left, right) = (sorted[0][...], sorted[1][...])
                while let first = left.first, let second = right.first {
                    // The right half's first goes first only when it strictly precedes: stable.
                    if precedes(second, first, kinds, keys, starts) {
                        merged.append(second)
                        right = right.dropFirst()
                    } else {
                        merged.append(first)
                        left = left.dropFirst()
                    }
                }
                return merged + left + right
            }
        }
    }

    private static func precedes(_ lhs: Int, _ rhs: Int, _ kinds: [ChangeKind], _ keys: UnsafeBufferPointer<UInt8>,
                                 _ starts: UnsafeBufferPointer<Int>) -> Bool {
        guard kinds[lhs] == kinds[rhs] else { return kinds[lhs] < kinds[rhs] }
        let (left, right) = (starts[lhs], starts[rhs])
        let (leftCount, rightCount) = (starts[lhs + 1] - left, starts[rhs + 1] - right)
        let common = min(leftCount, rightCount)
        let order = common == 0 ? 0 : memcmp(keys.baseAddress! + left, keys.baseAddress! + right, common)
        return order != 0 ? order < 0 : leftCount < rightCount
    }

    /// The bytes of `signature.description`; a change of one item a side (nearly all) without
    /// making the signature's arrays and texts.
    private static func appendSortKey(of change: Change, to bytes: inout [UInt8]) {
        guard change.old.count <= 1, change.new.count <= 1 else {
            return bytes.append(contentsOf: change.signature.description.utf8)
        }
        if let old = change.old.first { bytes.append(contentsOf: old.key.rawValue.utf8) }
        bytes.append(contentsOf: " → ".utf8)
        if let new = change.new.first { bytes.append(contentsOf: new.key.rawValue.utf8) }
    }

    /// The figures a county reports, by unit, level and category.
    public var summary: ChangeSummary { ChangeSummary(self) }

    public func changes(of kind: ChangeKind) -> [Change] { changes.filter { $0.kind == kind } }

    /// The same comparison seen from the other side: NEW with OLD.
    public var mirrored: ChangeSet {
        ChangeSet(oldLabel: newLabel, newLabel: oldLabel, changes: changes.map(\.mirrored), staleDecisions: staleDecisions)
    }
}
