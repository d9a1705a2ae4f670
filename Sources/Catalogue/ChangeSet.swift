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
        self.init(oldLabel: oldLabel, newLabel: newLabel, parts: [changes], staleDecisions: staleDecisions)
    }

    /// The changes of all `parts` in one set: the parts are not joined first (a file-to-file
    /// diff's settled changes are nine in ten, and copying them to append the rest cost a
    /// retain per text).
    public init(oldLabel: String, newLabel: String, parts: [[Change]], staleDecisions: [Decision] = []) {
        self.oldLabel = oldLabel
        self.newLabel = newLabel
        self.staleDecisions = staleDecisions
        let all = Parts(parts)
        // Each half's sort keys made and sorted on a core of its own, then the halves merged;
        // the changes gathered in that order in chunks on all cores.
        let halves = Concurrent.chunks(all.count, minimum: 20_000)
        let sorted = Concurrent.map(halves.count) { half in
            let keys = SortKeys(halves[half], all)
            return (order: keys.sorted(), keys: keys)
        }
        let order = sorted.count == 2 ? SortKeys.merged(sorted[0], sorted[1]) : sorted.first?.order ?? []
        let chunks = Concurrent.chunks(order.count, minimum: 20_000)
        self.changes = Array(Concurrent.map(chunks.count) { chunk in order[chunks[chunk]].map { all[$0] } }.joined())
    }

    /// The bytes of `signature.description`; a change of one item a side (nearly all) without
    /// making the signature's arrays and texts.
    fileprivate static func appendSortKey(of change: Change, to bytes: inout [UInt8]) {
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

/// Several arrays of changes read as one, by index.
private struct Parts: Sendable {
    let parts: [[Change]]
    /// The index of each part's first change.
    private let starts: [Int]
    let count: Int

    init(_ parts: [[Change]]) {
        self.parts = parts
        var starts: [Int] = []
        var count = 0
        for part in parts {
            starts.append(count)
            count += part.count
        }
        (self.starts, self.count) = (starts, count)
    }

    subscript(index: Int) -> Change {
        let part = starts.lastIndex { $0 <= index }!
        return parts[part][index - starts[part]]
    }
}

/// The sort keys of a range of changes — kind, then the bytes of the signature — packed in one
/// array: `String` comparison normalizes Chinese text on every call, and an array of arrays
/// retained and released two keys per comparison. Indices are sorted, not the changes: moving
/// a `Change` costs a dozen retains.
private struct SortKeys: Sendable {
    let range: Range<Int>
    private let kinds: [ChangeKind]
    private let bytes: [UInt8]
    private let starts: [Int]

    init(_ range: Range<Int>, _ changes: Parts) {
        self.range = range
        var (bytes, starts, kinds) = ([UInt8](), [0], [ChangeKind]())
        starts.reserveCapacity(range.count + 1)
        kinds.reserveCapacity(range.count)
        for index in range {
            let change = changes[index]
            kinds.append(change.kind)
            ChangeSet.appendSortKey(of: change, to: &bytes)
            starts.append(bytes.count)
        }
        (self.bytes, self.starts, self.kinds) = (bytes, starts, kinds)
    }

    /// The range's indices in order; ties keep their order.
    func sorted() -> [Int] {
        range.sorted { Self.precedes(self, $0, self, $1) }
    }

    /// Two sorted halves (the first's range before the second's) merged; a tie takes the first's.
    static func merged(_ first: (order: [Int], keys: SortKeys), _ second: (order: [Int], keys: SortKeys)) -> [Int] {
        var merged: [Int] = []
        merged.reserveCapacity(first.order.count + second.order.count)
        var (left, right) = (first.order[...], second.order[...])
        while let lhs = left.first, let rhs = right.first {
            if precedes(second.keys, rhs, first.keys, lhs) {
                merged.append(rhs)
                right = right.dropFirst()
            } else {
                merged.append(lhs)
                left = left.dropFirst()
            }
        }
        return merged + left + right
    }

    /// Whether change `lhs` (of `lhsKeys`) sorts before change `rhs` (of `rhsKeys`).
    private static func precedes(_ lhsKeys: SortKeys, _ lhs: Int, _ rhsKeys: SortKeys, _ rhs: Int) -> Bool {
        let (left, right) = (lhs - lhsKeys.range.lowerBound, rhs - rhsKeys.range.lowerBound)
        let (leftKind, rightKind) = (lhsKeys.kinds[left], rhsKeys.kinds[right])
        guard leftKind == rightKind else { return leftKind < rightKind }
        let (leftStart, rightStart) = (lhsKeys.starts[left], rhsKeys.starts[right])
        let (leftCount, rightCount) = (lhsKeys.starts[left + 1] - leftStart, rhsKeys.starts[right + 1] - rightStart)
        let common = min(leftCount, rightCount)
        let order = common == 0 ? 0 : lhsKeys.bytes.withUnsafeBufferPointer { leftBytes in
            rhsKeys.bytes.withUnsafeBufferPointer { rightBytes in
                memcmp(leftBytes.baseAddress! + leftStart, rightBytes.baseAddress! + rightStart, common)
            }
        }
        return order != 0 ? order < 0 : leftCount < rightCount
    }
}
