import Foundation

/// The form of a title the law registry is keyed by, the same for a cited title and for the
/// registry's own keys: NFKC, no whitespace, no quotes or title marks (《》〈〉), no
/// `中华人民共和国`, no trailing note in brackets except an ordinal such as `（二）`.
/// `《 中华人民共和国统计法》` and `〈统计法〉` are both `统计法`.
public enum RegistryKey {
    public static func normalize(_ title: String) -> String {
        // NFKC through Foundation is slow on Linux; CJK ideographs and ASCII are already NFKC.
        let folded = title.unicodeScalars.allSatisfy(isNFKCStable) ? title : title.precomposedStringWithCompatibilityMapping
        var scalars: [Scalar] = []
        scalars.reserveCapacity(folded.unicodeScalars.count)
        for scalar in folded.unicodeScalars where !scalar.isSpace && !dropped.contains(scalar) {
            scalars.append(scalar)
        }
        removeAll(prefix, from: &scalars)
        if scalars.last == ")", let open = scalars.lastIndex(of: "("),
           !scalars[(open + 1)..<(scalars.count - 1)].allSatisfy(ChineseNumber.isDigit) {
            scalars.removeSubrange(open...)
        }
        return String(scalars: scalars)
    }

    /// `全国人民代表大会常务委员会关于修改…的决定` → `关于修改…的决定`: the form a list cites it
    /// in without its issuer; nil when the key has no issuer before `关于`.
    static func withoutIssuer(_ key: String) -> String? {
        guard let range = key.firstRange(of: "关于"), range.lowerBound != key.startIndex else { return nil }
        let issuer = key[..<range.lowerBound]
        guard issuerEndings.contains(where: { issuer.hasSuffix($0) }) else { return nil }
        return String(key[range.lowerBound...])
    }

    private static func isNFKCStable(_ scalar: Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x3001...0x3011, 0x3014...0x301F, 0x4E00...0x9FFF, 0x2018...0x201D: true
        default: false
        }
    }

    private static func removeAll(_ word: [Scalar], from scalars: inout [Scalar]) {
        var index = 0
        while index + word.count <= scalars.count {
            if scalars[index] == word[0], Array(scalars[index..<(index + word.count)]) == word {
                scalars.removeSubrange(index..<(index + word.count))
            } else {
                index += 1
            }
        }
    }

    private static let prefix = Array("中华人民共和国".unicodeScalars)
    private static let issuerEndings = ["委员会", "国务院", "人民政府", "代表大会", "办公厅"]
    private static let dropped = Set("《》〈〉<>“”‘’\"'「」『』【】".unicodeScalars)
}
