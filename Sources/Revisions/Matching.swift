import Catalogue

/// Old items paired with new items: several on a side for merges, splits and moves, one
/// on each for the rest; the machine's confidence and reasons, or a reviewer's decision.
struct MatchGroup: Sendable {
    var old: [Int]
    var new: [Int]
    var confidence: Double
    var reasons: [PairingReason]
    var review: ReviewStatus = .proposed
}

/// The state the matching stages share: which items are taken, the groups found so far, and
/// the pairings reviewers rejected (never proposed again).
struct Matching: Sendable {
    let old: [MainItem]
    let new: [MainItem]
    private(set) var oldGroup: [Int?]
    private(set) var newGroup: [Int?]
    /// Groups by index; a dissolved group is nil (indexes stay valid).
    private(set) var groups: [MatchGroup?] = []
    let rejected: Set<PairingSignature>

    init(old: [MainItem], new: [MainItem], rejected: Set<PairingSignature> = []) {
        self.old = old
        self.new = new
        self.rejected = rejected
        oldGroup = Array(repeating: nil, count: old.count)
        newGroup = Array(repeating: nil, count: new.count)
    }

    var freeOld: [Int] { oldGroup.indices.filter { oldGroup[$0] == nil } }
    var freeNew: [Int] { newGroup.indices.filter { newGroup[$0] == nil } }

    func signature(old oldItems: [Int], new newItems: [Int]) -> PairingSignature {
        PairingSignature(old: oldItems.map { old[$0].key }, new: newItems.map { new[$0].key })
    }

    /// Records a group when all its items are free and no reviewer rejected it.
    @discardableResult
    mutating func accept(_ group: MatchGroup) -> Bool {
        guard group.old.allSatisfy({ oldGroup[$0] == nil }), group.new.allSatisfy({ newGroup[$0] == nil }),
              !rejected.contains(signature(old: group.old, new: group.new)) else { return false }
        for index in group.old { oldGroup[index] = groups.count }
        for index in group.new { newGroup[index] = groups.count }
        groups.append(group)
        return true
    }

    /// Frees a group's items, e.g. to grow a 1:1 pairing into a merge.
    mutating func dissolve(_ index: Int) {
        guard let group = groups[index] else { return }
        for item in group.old { oldGroup[item] = nil }
        for item in group.new { newGroup[item] = nil }
        groups[index] = nil
    }

    /// The group an item of one side belongs to.
    func group(ofOld index: Int) -> Int? { oldGroup[index] }
    func group(ofNew index: Int) -> Int? { newGroup[index] }

    /// The same matching with the sides exchanged, so a stage written for one direction
    /// (parts on the old side) also runs the other way.
    func swapped() -> Matching {
        var copy = Matching(old: new, new: old, rejected: Set(rejected.map { PairingSignature(old: $0.new, new: $0.old) }))
        copy.oldGroup = newGroup
        copy.newGroup = oldGroup
        copy.groups = groups.map { $0.map { MatchGroup(old: $0.new, new: $0.old, confidence: $0.confidence, reasons: $0.reasons, review: $0.review) } }
        return copy
    }
}
