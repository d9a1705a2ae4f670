/// Something a reviewer should know about: an import problem or a failed legal check —
/// one kind of thing, told apart by its code.
public struct Finding: Codable, Hashable, Sendable {
    public enum Severity: String, Codable, Hashable, Sendable, Comparable {
        case info, warning, error

        public var label: String {
            switch self {
            case .info: "提示"
            case .warning: "警告"
            case .error: "错误"
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.info, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// What kind of finding this is: one of a closed set, stored by its stable raw value.
    public var code: FindingCode
    public var severity: Severity
    /// What a user reads, in Simplified Chinese.
    public var message: String
    public var location: Location
    /// The item the finding is about, when it is about one.
    public var item: ItemKey?
    /// The field of that item, when the finding is about one field (e.g. `.basis`).
    public var field: ItemField?

    public init(code: FindingCode, severity: Severity, message: String, location: Location,
                item: ItemKey? = nil, field: ItemField? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.item = item
        self.field = field
    }
}

/// A place in a source file: the file, optionally a sheet, optionally a cell or range.
public struct Location: Codable, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var sheet: String?
    /// `D12` or `D12:D14`.
    public var cell: String?

    public init(file: String, sheet: String? = nil, cell: String? = nil) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
    }

    /// `a.xlsx Sheet1!D12`
    public var description: String {
        var text = file
        if let sheet {
            text += " \(sheet)"
            if let cell { text += "!\(cell)" }
        }
        return text
    }
}
