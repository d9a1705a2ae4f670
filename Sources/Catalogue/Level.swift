/// The administrative level a unit's powers belong to.
public enum Level: String, Codable, Hashable, Sendable, CaseIterable {
    /// 地州: prefecture level, for guidance catalogues (指导目录).
    case prefecture = "地州"
    /// 县级部门: a county (or city) department.
    case countyDepartment = "县级部门"
    /// 乡镇: a township or sub-district.
    case township = "乡镇"
    /// 村/社区: a village or urban community.
    case village = "村/社区"
}

/// The region a workspace's catalogue covers, e.g. 克拉玛依市.
public struct Region: Codable, Hashable, Sendable {
    public var name: String
    /// Administrative division code such as `650200`, when known.
    public var code: String?

    public init(name: String, code: String? = nil) {
        self.name = name
        self.code = code
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
