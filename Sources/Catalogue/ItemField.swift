/// The known columns of a power list, by what they mean. Any other column is kept as an
/// `ExtraField` under its own header.
///
/// The raw value is the stable key used in schemas, the database and exports; `label` is
/// the standard Chinese header a user sees.
public enum ItemField: String, Codable, Hashable, Sendable, CaseIterable {
    case serial
    /// Power code, e.g. `650200207XK01600` (region 650200, unit 207, category XK, serial).
    case code
    /// The main item's name (事项名称). For a sub-item row this is still the main item.
    case name
    /// The sub-item's name (子项名称), when the row is a sub-item of `name`.
    case subItemName
    /// The category as written (权力类型), before normalization.
    case category
    /// The legal basis as written (实施依据/设定依据).
    case basis
    case actor                  // 行使主体
    case handlingOrgan          // 承办机构
    case levelAndAuthority      // 实施层级及权限
    case departmentDuty         // 部门职责
    case responsibilities       // 责任事项
    case responsibilityBasis    // 责任事项依据
    case accountableParties     // 追责对象范围
    case accountabilityCases    // 追责情形
    case target                 // 实施对象
    case applicationConditions  // 申请条件
    case applicationMaterials   // 申请材料
    case statutoryTimeLimit     // 法定期限
    case promisedTimeLimit      // 承诺期限
    case fees                   // 收费依据和标准
    case region                 // 所属行政区划
    case remarks                // 备注

    /// Hashes the case, not its raw value: an enum with `String` raw values otherwise hashes its
    /// raw text (the standard library's `RawRepresentable` default), and fields key dictionaries
    /// of findings and field changes. A case without payload is one byte.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(unsafeBitCast(self, to: UInt8.self))
    }

    /// The case's position in `allCases` (its declaration order, which a payload-free case's
    /// byte is): the field's slot in `FieldValues`.
    @inlinable
    public var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    /// The standard Chinese header.
    public var label: String {
        switch self {
        case .serial: "序号"
        case .code: "事项编码"
        case .name: "事项名称"
        case .subItemName: "子项名称"
        case .category: "权力类型"
        case .basis: "实施依据"
        case .actor: "行使主体"
        case .handlingOrgan: "承办机构"
        case .levelAndAuthority: "实施层级及权限"
        case .departmentDuty: "部门职责"
        case .responsibilities: "责任事项"
        case .responsibilityBasis: "责任事项依据"
        case .accountableParties: "追责对象范围"
        case .accountabilityCases: "追责情形"
        case .target: "实施对象"
        case .applicationConditions: "申请条件"
        case .applicationMaterials: "申请材料"
        case .statutoryTimeLimit: "法定期限"
        case .promisedTimeLimit: "承诺期限"
        case .fees: "收费依据和标准"
        case .region: "所属行政区划"
        case .remarks: "备注"
        }
    }
}

/// A column the schemas do not know, kept by its header as written.
public struct ExtraField: Codable, Hashable, Sendable {
    public var header: String
    public var value: String
    /// The cell it came from, e.g. `K12` or `K12:K14`.
    public var cell: String

    public init(header: String, value: String, cell: String) {
        self.header = header
        self.value = value
        self.cell = cell
    }
}
