import Foundation

/// The form of a title the law registry is keyed by, the same for a cited title and for the
/// registry's own keys: NFKC, no whitespace, no quotes or title marks (《》〈〉), no
/// `中华人民共和国`, no trailing note in brackets except an ordinal such as `（二）`.
/// `《 中华人民共和国统计法》` and `〈统计法〉` are both `统计法`.
public enum RegistryKey {
    public static func normalize(_ title: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in title.precomposedStringWithCompatibilityMapping.unicodeScalars
        where !scalar.properties.isWhitespace && !dropped.contains(scalar) {
            scalars.append(scalar)
        }
        var key = String(scalars).replacingOccurrences(of: "中华人民共和国", with: "")
        if key.hasSuffix(")"), let open = key.lastIndex(of: "(") {
            let note = key[key.index(after: open)..<key.index(before: key.endIndex)]
            if !note.allSatisfy(ChineseNumber.isDigit) { key = String(key[..<open]) }
        }
        return key
    }

    /// `全国人民代表大会常务委员会关于修改…的决定` → `关于修改…的决定`: the form a list cites it
    /// in without its issuer; nil when the key has no issuer before `关于`.
    static func withoutIssuer(_ key: String) -> String? {
        guard let range = key.range(of: "关于"), range.lowerBound != key.startIndex else { return nil }
        let issuer = key[..<range.lowerBound]
        guard issuerEndings.contains(where: { issuer.hasSuffix($0) }) else { return nil }
        return String(key[range.lowerBound...])
    }

    private static let issuerEndings = ["委员会", "国务院", "人民政府", "代表大会", "办公厅"]
    private static let dropped = Set("《》〈〉<>“”‘’\"'「」『』【】".unicodeScalars)
}
