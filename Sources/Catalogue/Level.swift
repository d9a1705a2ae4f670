/// The administrative level a unit's powers belong to.
///
/// The raw value is the stable key stored in workspaces and written to exports; `label` is
/// the Chinese name a user reads, and `init?(alias:)` reads any of the ways real lists and
/// configs write a level (`地州市级`, `县市区级`, `区县级`, `街道`, `村（社区）级`…).
public enum Level: String, Codable, Hashable, Sendable, CaseIterable {
    /// 市级: a prefecture-level city (克拉玛依市) or prefecture and its departments.
    case city
    /// 县级: a county, county-level city or district and its departments.
    case county
    /// 乡镇: a township or sub-district (街道).
    case township
    /// 村/社区: a village or urban community.
    case village

    /// The Chinese name a user reads.
    public var label: String {
        switch self {
        case .city: "市级"
        case .county: "县级"
        case .township: "乡镇"
        case .village: "村/社区"
        }
    }

    /// The other ways lists and configs name each level: 实施层级及权限 columns say `地州市级`
    /// or `县市区级`, guidance catalogues name sheets `地州级`/`区县级`, and v1 workspaces stored
    /// `地州`, `县级部门`, `乡镇` and `村/社区`.
    public var aliases: [String] {
        switch self {
        case .city: ["地州市级", "地州级", "地州", "州级", "市本级", "地市级", "地区级"]
        case .county: ["县市区级", "区县级", "县区级", "县级部门", "县(市、区)级", "县（市、区）级", "县", "区县"]
        case .township: ["街道", "乡镇级", "乡级", "镇级", "乡(镇)", "乡（镇）", "乡镇（街道）", "乡镇(街道)"]
        case .village: ["村", "社区", "村级", "社区级", "村（社区）", "村(社区)", "村（社区）级", "村(社区)级"]
        }
    }

    /// A level from its key (`city`), its label (`市级`) or any alias, ignoring spaces.
    public init?(alias text: String) {
        let compact = String(text.filter { !$0.isWhitespace })
        if let level = Level(rawValue: compact) {
            self = level
            return
        }
        guard let level = Level.allCases.first(where: { $0.label == compact || $0.aliases.contains(compact) }) else {
            return nil
        }
        self = level
    }
}

/// The region a workspace's catalogue covers, e.g. 克拉玛依市.
public struct Region: Codable, Hashable, Sendable {
    public var name: String
    /// Administrative division code such as `650200`, when known.
    public var code: String?
    /// The region's own level (克拉玛依市 is `.city`): its departments are at this level.
    /// Nil when the config does not say; then it is read from the name.
    public var level: Level?

    public init(name: String, code: String? = nil, level: Level? = nil) {
        self.name = name
        self.code = code
        self.level = level
    }
}

/// A body whose powers are listed: a department, a township, a village committee.
/// (Named `AdminUnit`, not `Unit`, so it never clashes with `Foundation.Unit`.)
public struct AdminUnit: Codable, Hashable, Sendable {
    public var name: String
    public var level: Level

    public init(name: String, level: Level) {
        self.name = name
        self.level = level
    }
}
