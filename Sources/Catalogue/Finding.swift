/// Something a reviewer should know about: an import problem now, a legal check later.
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

    /// A stable identifier of the rule, e.g. `import.unknown-header`.
    public var code: String
    public var severity: Severity
    /// What a user reads, in Simplified Chinese.
    public var message: String
    public var location: Location

    public init(code: String, severity: Severity, message: String, location: Location) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
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
