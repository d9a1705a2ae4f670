import Foundation
import Schemas

/// What a clean depends on, written down: the cleaner's version and every schema file it read
/// (categories, legal-basis rules, the law registry and its aliases — built-in, then the
/// workspace's own `schemas/`), each by name, size and a hash of its bytes.
///
/// Stored beside the clean values of each imported source, so that `powerlist check` can tell
/// that the clean items and per-item findings stored at import are still what a re-clean would
/// produce, and skip it. The text is readable on purpose: a stale fingerprint shows which file
/// moved on. A 64-bit FNV-1a hash is no defence against a forged file, but a schema is edited
/// by its owner: it only has to notice edits, and it costs milliseconds on the 2.7 MB registry.
public struct CleanFingerprint: Hashable, Sendable, CustomStringConvertible {
    /// Raise when `Cleaner` or its per-item checks would turn the same schemas and raw items
    /// into different clean values or findings: every stored fingerprint then differs, so the
    /// next check of each revision cleans again.
    public static let cleanerVersion = 1

    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The fingerprint of `files`, in the order the loader reads them.
    /// - Throws: `ConfigurationError` naming a file that cannot be read.
    public init(files: [URL]) throws(ConfigurationError) {
        var lines = ["cleaner \(Self.cleanerVersion)"]
        for file in files {
            let bytes: Data
            do {
                bytes = try Data(contentsOf: file)
            } catch {
                throw ConfigurationError(file: file.path, reason: "无法读取模式文件（\(error.localizedDescription)）")
            }
            lines.append("\(file.lastPathComponent) \(bytes.count) \(String(Self.fnv1a(bytes), radix: 16))")
        }
        rawValue = lines.joined(separator: "\n")
    }

    public var description: String { rawValue }

    private static func fnv1a(_ bytes: Data) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { hash, byte in (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
}
