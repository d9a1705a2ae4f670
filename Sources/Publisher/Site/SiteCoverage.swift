import Catalogue

/// How the published list covers a guidance catalogue (权责清单指导目录), per unit and in
/// total: what `powerlist reconcile` finds, as plain values the site shows (the Workflow fills
/// it from `GuidanceMatcher`; the site builder knows nothing of matching).
public struct SiteCoverage: Codable, Hashable, Sendable {
    /// One guidance item as the site names it.
    public struct GuidanceItem: Codable, Hashable, Sendable {
        public var name: String
        public var category: String?
        /// The level of the guidance sheet it comes from.
        public var level: Level

        public init(name: String, category: String? = nil, level: Level) {
            self.name = name
            self.category = category
            self.level = level
        }
    }

    /// A guidance item a unit implements, and the local item that does.
    public struct Match: Codable, Hashable, Sendable {
        public var guidance: GuidanceItem
        /// The local item's key, for the link to its page.
        public var local: ItemKey
        public var localName: String
        /// The category, basis or level differs from the guidance (有差异).
        public var differs: Bool

        public init(guidance: GuidanceItem, local: ItemKey, localName: String, differs: Bool) {
            self.guidance = guidance
            self.local = local
            self.localName = localName
            self.differs = differs
        }
    }

    /// One local unit's share of the guidance items of its level.
    public struct Unit: Codable, Hashable, Sendable {
        public var unit: String
        public var level: Level
        /// Guidance items of the unit's level.
        public var guidanceTotal: Int
        /// Distinct guidance items the unit implements.
        public var implemented: Int
        public var matches: [Match]

        /// Implemented ÷ guidance items of its level, 0…1.
        public var rate: Double { guidanceTotal == 0 ? 0 : Double(implemented) / Double(guidanceTotal) }

        public init(unit: String, level: Level, guidanceTotal: Int, implemented: Int, matches: [Match]) {
            self.unit = unit
            self.level = level
            self.guidanceTotal = guidanceTotal
            self.implemented = implemented
            self.matches = matches
        }
    }

    /// The catalogue's name as the site shows it (`指导目录.xlsx`).
    public var guidanceName: String
    public var guidanceTotal: Int
    /// Guidance items some unit implements.
    public var implemented: Int
    public var units: [Unit]
    /// Guidance items no unit implements (缺项).
    public var missing: [GuidanceItem]

    public var rate: Double { guidanceTotal == 0 ? 0 : Double(implemented) / Double(guidanceTotal) }

    public init(guidanceName: String, guidanceTotal: Int, implemented: Int, units: [Unit], missing: [GuidanceItem]) {
        self.guidanceName = guidanceName
        self.guidanceTotal = guidanceTotal
        self.implemented = implemented
        self.units = units
        self.missing = missing
    }

    /// `12.5%`, as the reconcile report writes rates.
    static func percent(_ rate: Double) -> String {
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
