/// A reviewer's decision on one proposed change, read from the decisions sheet and stored in
/// the workspace; the next diff applies it and marks the change as confirmed by a person.
public struct Decision: Codable, Hashable, Sendable {
    public enum Action: String, Codable, Hashable, Sendable, CaseIterable {
        /// The classification is right: keep it, even if the machine would now propose another.
        case confirm
        /// The pairing is wrong: never pair these items this way again.
        case reject
        /// Pair the row's items with `targets` on the other side instead.
        case repair = "re-pair"

        /// The word in the decisions sheet's drop-down.
        public var label: String {
            switch self {
            case .confirm: "确认"
            case .reject: "否决"
            case .repair: "改配"
            }
        }

        public init?(label: String) {
            guard let action = Self.allCases.first(where: { $0.label == label }) else { return nil }
            self = action
        }
    }

    public var action: Action
    /// The change the decision is about, as the sheet listed it.
    public var pairing: PairingSignature
    /// For `repair`: the items on the other side to pair with, as the reviewer wrote them —
    /// an item key or a name (resolved when the diff runs, within the other side).
    public var targets: [String]
    public var reviewer: String?
    public var reason: String?

    public init(action: Action, pairing: PairingSignature, targets: [String] = [],
                reviewer: String? = nil, reason: String? = nil) {
        self.action = action
        self.pairing = pairing
        self.targets = targets
        self.reviewer = reviewer
        self.reason = reason
    }
}
