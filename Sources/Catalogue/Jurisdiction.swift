import Foundation

extension AdminUnit {
    /// The area inside which a power belongs to one unit, so that two units of it listing the
    /// same power is 多头 (one power claimed by two units):
    ///
    /// - 市级 and 县级 departments: the workspace's region — a workspace holds one county's (or
    ///   city's) list, and all its departments answer to one government. Empty string.
    /// - 乡镇: the township the unit's name begins with (`博斯坦镇` of `博斯坦镇综合执法办`):
    ///   every township exercises its own township powers, so two townships listing one power is
    ///   normal, two offices of one township listing it is not.
    /// - 村/社区: the village or community the name begins with, likewise.
    ///
    /// A township or village unit whose name names no such area is its own jurisdiction: it is
    /// never said to share a power with another unit — a missed 多头 costs less than a false one.
    public var jurisdiction: String {
        let pattern: String
        switch level {
        case .city, .county: return ""
        case .township: pattern = "^.+?(街道|镇|乡)"
        case .village: pattern = "^.+?(社区|村|居委会)"
        }
        let compact = name.filter { !$0.isWhitespace }
        guard let range = compact.range(of: pattern, options: .regularExpression) else { return compact }
        return String(compact[range])
    }
}
