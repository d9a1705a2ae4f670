import Crypto
import Foundation

/// The SHA-256 of a file's bytes, which identifies a source across re-imports and moves.
public enum FileDigest {
    /// Lowercase hex SHA-256 of the file, read in 1 MiB chunks so large files stay out of memory.
    public static func sha256(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
