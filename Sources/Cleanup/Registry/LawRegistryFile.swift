import Catalogue
import Concurrency
import Foundation
import Schemas

/// Reads the registry format (`law-registry.tsv`, written by
/// `Catalogues/schemas/tools/convert-law-registry.py`): one instrument a line,
/// `key⇥title⇥rank⇥issuer⇥region⇥versions`, versions `date|effective|status|articles;…`.
/// Lines starting with `#` are comments. A workspace adds entries in the same format; there
/// the key may be left empty (it is then made from the title).
///
/// Parsed from bytes, not with `String.split`: the built-in file has 17,582 lines and must
/// load well under a second even in a debug build.
public enum LawRegistryFile {
    public static func read(_ url: URL) throws(ConfigurationError) -> [LawEntry] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ConfigurationError(file: url.path, reason: "无法读取法律法规登记表")
        }
        // The lines are parsed in chunks on all cores (the registry loads before an import reads
        // its first file); the first bad line in file order is the one reported.
        let lines = lineRanges(data)
        let chunks = Concurrent.chunks(lines.count, minimum: 4_000)
        let parsed = Concurrent.map(chunks.count) { chunk in
            Result { () throws(ConfigurationError) -> [LawEntry] in
                var entries: [LawEntry] = []
                entries.reserveCapacity(chunks[chunk].count)
                for index in chunks[chunk] {
                    let line = data[lines[index]]
                    guard let first = line.first, first != UInt8(ascii: "#") else { continue }
                    guard let entry = entry(String(decoding: line, as: UTF8.self)) else {
                        throw ConfigurationError(file: url.path, line: index + 1,
                                                 reason: "无法识别的登记项：应为 键⇥标题⇥位阶⇥制定机关⇥地区⇥版本（以制表符分隔，版本为 日期|施行日期|状态|条文;…）")
                    }
                    entries.append(entry)
                }
                return entries
            }
        }
        var entries: [LawEntry] = []
        for part in parsed { entries += try part.get() }
        return entries
    }

    /// Each line's bytes (without its line break), empty lines too, as `split(separator:
    /// omittingEmptySubsequences: false)` gives them.
    private static func lineRanges(_ data: Data) -> [Range<Data.Index>] {
        data.withUnsafeBytes { bytes in
            var ranges: [Range<Data.Index>] = []
            var start = 0
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
                ranges.append(data.startIndex + start..<data.startIndex + offset)
                start = offset + 1
            }
            ranges.append(data.startIndex + start..<data.endIndex)
            return ranges
        }
    }

    /// One line, nil when malformed.
    static func entry(_ line: String) -> LawEntry? {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 6, !fields[1].isEmpty else { return nil }
        var rank: LegalRank?
        if !fields[2].isEmpty {
            guard let known = LegalRank(rawValue: String(fields[2])) ?? LegalRank.allCases.first(where: { $0.label == fields[2] })
            else { return nil }
            rank = known
        }
        var versions: [LawVersion] = []
        for text in fields[5].split(separator: ";") {
            let parts = text.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count == 4, let status = LawVersion.Status(rawValue: String(parts[2])),
                  let articles = ArticleSet(text: parts[3]) else { return nil }
            versions.append(LawVersion(date: String(parts[0]), effective: String(parts[1]), status: status, articles: articles))
        }
        let key = fields[0].isEmpty ? RegistryKey.normalize(String(fields[1])) : String(fields[0])
        return LawEntry(key: key, title: String(fields[1]), rank: rank,
                        issuer: String(fields[3]), region: String(fields[4]), versions: versions)
    }
}
