/// Text encodings a CSV file may come in. Detected automatically unless the user forces one.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// GB18030, a superset of GBK and GB2312: what most Chinese government CSV files use.
    case gb18030 = "gb18030"

    /// Accepts the names users type: `utf8`, `UTF-8`, `gbk`, `gb2312`, `GB18030`, `utf-16`…
    public init?(userName: String) {
        switch userName.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16", "unicode": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "gb18030", "gbk", "gb2312", "cp936", "936": self = .gb18030
        default: return nil
        }
    }
}

/// How to read a file. The defaults suit almost every file.
public struct ReadOptions: Sendable {
    /// Force the text encoding of a CSV file instead of detecting it.
    public var textEncoding: TextEncoding?
    /// How much of a file is read before it is refused as broken or hostile.
    public var limits: ReadLimits

    public init(textEncoding: TextEncoding? = nil, limits: ReadLimits = .excel) {
        self.textEncoding = textEncoding
        self.limits = limits
    }
}
