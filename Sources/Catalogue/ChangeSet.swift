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
        // Sort keys computed once, compared as UTF-8 bytes: `String` comparison normalizes
        // Chinese text on every call, which took seconds on 200,000 changes. Indexes are
        // sorted, not the changes: moving a `Change` costs a dozen retains.
        let keys = changes.map { Array($0.signature.description.utf8) }, kinds = changes.map(\.kind)
        let order = changes.indices.sorted { lhs, rhs in
            kinds[lhs] != kinds[rhs] ? kinds[lhs] < kinds[rhs] : Self.precedes(keys[lhs], keys[rhs])
        }
        self.changes = order.map { changes[$0] }
    }

    private static func precedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                for index in 0..<min(left.count, right.count) where left[index] != right[index] {
                    return left[index] < right[index]
                }
                return left.count < right.count
            }
        }
    }

    /// The figures a county reports, by unit, level and category.
    public var summary: ChangeSummary { ChangeSummary(self) }

    public func changes(of kind: ChangeKind) -> [Change] { changes.filter { $0.kind == kind } }

    /// The same comparison seen from the other side: NEW with OLD.
    public var mirrored: ChangeSet {
        ChangeSet(oldLabel: newLabel, newLabel: oldLabel, changes: changes.map(\.mirrored), staleDecisions: staleDecisions)
    }
}
