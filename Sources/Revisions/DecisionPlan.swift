import Catalogue

/// Reviewers' decisions turned into what the matching must respect: pairings fixed in
/// advance (confirmed or re-paired, marked as a person's), and pairings never to propose.
/// A decision about items no longer in the revisions is stale and reported, not applied.
struct DecisionPlan {
    var fixed: [MatchGroup] = []
    var rejected: Set<PairingSignature> = []
    var stale: [Decision] = []

    init(_ decisions: [Decision], old: [MainItem], new: [MainItem]) {
        let oldIndex = Dictionary(old.indices.map { (old[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
        let newIndex = Dictionary(new.indices.map { (new[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
        for decision in decisions {
            let olds = decision.pairing.old.compactMap { oldIndex[$0] }
            let news = decision.pairing.new.compactMap { newIndex[$0] }
            guard olds.count == decision.pairing.old.count, news.count == decision.pairing.new.count else {
                stale.append(decision)
                continue
            }
            let review = ReviewStatus.confirmed(reviewer: decision.reviewer)
            let reasons = [PairingReason(.reviewer, detail: decision.reason)]
            switch decision.action {
            case .confirm:
                fixed.append(MatchGroup(old: olds, new: news, confidence: 1, reasons: reasons, review: review))
            case .reject:
                rejected.insert(decision.pairing)
            case .repair:
                guard let group = repaired(decision, olds: olds, news: news, old: old, new: new) else {
                    stale.append(decision)
                    continue
                }
                fixed.append(MatchGroup(old: group.old, new: group.new, confidence: 1, reasons: reasons, review: review))
            }
        }
    }

    /// The row's items on the side they are on, paired with the targets found on the other.
    private func repaired(_ decision: Decision, olds: [Int], news: [Int], old: [MainItem], new: [MainItem])
        -> (old: [Int], new: [Int])? {
        if let anchor = olds.first {
            let targets = decision.targets.compactMap { Self.find($0, in: new, near: old[anchor]) }
            return targets.count == decision.targets.count ? (olds, targets) : nil
        }
        guard let anchor = news.first else { return nil }
        let targets = decision.targets.compactMap { Self.find($0, in: old, near: new[anchor]) }
        return targets.count == decision.targets.count ? (targets, news) : nil
    }

    /// An item by its key, or by its name (in the anchor's unit first, else the only one).
    static func find(_ target: String, in items: [MainItem], near anchor: MainItem) -> Int? {
        if let byKey = items.firstIndex(where: { $0.key.rawValue == target }) { return byKey }
        let name = TextKey.normalized(target)
        let named = items.indices.filter { items[$0].nameKey == name }
        return named.first { items[$0].unitKey == anchor.unitKey } ?? (named.count == 1 ? named[0] : nil)
    }
}
