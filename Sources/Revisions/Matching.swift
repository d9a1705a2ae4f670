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
    /// The items' unit, name, category and code keys as integers shared by both sides, so
    /// the key stages hash numbers, not texts.
    let oldIDs: [KeyIDs]
    let newIDs: [KeyIDs]

    init(old: [MainItem], new: [MainItem], rejected: Set<PairingSignature> = []) {
        var interner = KeyIDs.Interner()
        self.init(old: old, new: new, rejected: rejected, oldIDs: old.map { interner.ids($0) }, newIDs: new.map { interner.ids($0) })
    }

    private init(old: [MainItem], new: [MainItem], rejected: Set<PairingSignature>, oldIDs: [KeyIDs], newIDs: [KeyIDs]) {
        self.old = old
        self.new = new
        self.rejected = rejected
        self.oldIDs = oldIDs
        self.newIDs = newIDs
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
        var copy = Matching(old: new, new: old, rejected: Set(rejected.map { PairingSignature(old: $0.new, new: $0.old) }),
                            oldIDs: newIDs, newIDs: oldIDs)
        copy.oldGroup = newGroup
        copy.newGroup = oldGroup
        copy.groups = groups.map { $0.map { MatchGroup(old: $0.new, new: $0.old, confidence: $0.confidence, reasons: $0.reasons, review: $0.review) } }
        return copy
    }
}

/// An item's comparison keys as small integers (0 for none), numbered in order of appearance.
struct KeyIDs: Sendable {
    var unit: Int32
    var name: Int32
    var category: Int32
    var code: Int32

    struct Interner {
        private var numbers: [ByteKey: Int32] = [ByteKey(""): 0]

        mutating func id(_ text: String?) -> Int32 {
            guard let text, !text.isEmpty else { return 0 }
            let key = ByteKey(text)
            if let number = numbers[key] { return number }
            let number = Int32(numbers.count)
            numbers[key] = number
            return number
        }

        mutating func ids(_ item: MainItem) -> KeyIDs {
            KeyIDs(unit: id(item.unitKey), name: id(item.nameKey), category: id(item.categoryKey), code: id(item.code))
        }
    }
}
