import Foundation

/// A schema file or the workspace config that cannot be used, naming the file and line
/// so a user can open it and fix the entry.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Path of the file as found.
    public var file: String
    /// 1-based line of the bad entry, when known.
    public var line: Int?
    /// What is wrong, in Chinese.
    public var reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `headers.yaml 第12行：…`
    public var description: String {
        if let line { return "\(file) 第\(line)行：\(reason)" }
        return "\(file)：\(reason)"
    }

    public var errorDescription: String? { description }
}
