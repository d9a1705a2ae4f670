import Foundation

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

/// A place in a source file: the file, optionally a sheet, optionally a cell or range —
/// always a cell or range as Excel shows it (`B2`, `B2:B4`, `3:3` for whole rows), never a bare row.
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

    /// `a.xlsx Sheet1!D12`, `a.xlsx '行政许可（1项）'!B2`: the sheet and cell as Excel writes a
    /// reference to them (see `excelReference`).
    public var description: String {
        guard let sheet else { return file }
        guard let cell else { return "\(file) \(Self.quotedSheetName(sheet))" }
        return "\(file) \(Self.excelReference(sheet: sheet, cell: cell))"
    }

    /// `Sheet1!D12`, `'行政许可（1项）'!B2`, `'It''s'!A1`: as Excel writes a reference to a cell
    /// or range of another sheet.
    public static func excelReference(sheet: String, cell: String) -> String {
        "\(quotedSheetName(sheet))!\(cell)"
    }

    /// The sheet name as Excel writes it in a reference: bare when it is letters (any script),
    /// digits, `_` and `.` only, does not begin with a digit and does not read as a cell
    /// (`A1`, `R1C1`); otherwise in single quotes, a quote inside doubled.
    public static func quotedSheetName(_ name: String) -> String {
        let plain = !name.isEmpty
            && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
            && !(name.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? false)
            && !looksLikeCellReference(name)
        return plain ? name : "'\(name.replacingOccurrences(of: "'", with: "''"))'"
    }

    /// `A1`, `XFD1048576`, `R1C1`, `R`, `C`: names Excel would read as a reference.
    private static func looksLikeCellReference(_ name: String) -> Bool {
        let upper = name.uppercased()
        if ["R", "C"].contains(upper) { return true }
        let letters = upper.prefix { ("A"..."Z").contains($0) }
        let digits = upper.dropFirst(letters.count)
        if (1...3).contains(letters.count), !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) { return true }
        return upper.range(of: #"^R[0-9]*C[0-9]*$"#, options: .regularExpression) != nil
    }
}
