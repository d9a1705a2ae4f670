import Foundation

/// Character bigrams as the search index and search.js cut them: NFKC, lower case, runs of
/// `\p{L}`/`\p{N}` scalars; a bigram is two scalars packed into a `UInt64`.
///
/// Normalising every text through Foundation was most of the index's time. Almost every
/// scalar of a Chinese list — ASCII, CJK ideographs, CJK and full-width punctuation, full-width
/// letters and digits — folds in a known way, so those are folded here; a text holding any
/// other scalar takes the exact path (`SearchIndexTests` checks the two agree).
enum Bigram {
    static func each(in text: String, _ body: (UInt64) -> Void) {
        // One walk over the scalars while each folds quickly, the bigrams kept aside (on the
        // stack for most texts) until the text is known to fold this way: checking first and
        // then folding walked every text twice.
        let folded = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: text.utf8.count) { bigrams -> Bool in
            var count = 0
            var previous: UInt32?
            for scalar in text.unicodeScalars {
                guard let (folded, word) = quickFold(scalar.value) else { return false }
                guard word else { previous = nil; continue }
                if let previous {
                    bigrams[count] = UInt64(previous) << 32 | UInt64(folded)
                    count += 1
                }
                previous = folded
            }
            for bigram in bigrams[..<count] { body(bigram) }
            return true
        }
        guard !folded else { return }
        var previous: UInt32?
        for scalar in text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            guard isWordScalar(scalar) else { previous = nil; continue }
            if let previous { body(UInt64(previous) << 32 | UInt64(scalar.value)) }
            previous = scalar.value
        }
    }

    /// The scalar as NFKC and lower case leave it, and whether it is a letter or digit; nil
    /// for a scalar outside the ranges whose folding is known here.
    static func quickFold(_ value: UInt32) -> (UInt32, Bool)? {
        switch value {
        case 0x41...0x5A: (value + 32, true)
        case 0x30...0x39, 0x61...0x7A, 0x3400...0x4DBF, 0x4E00...0x9FFF: (value, true)
        case 0...0x7F, 0x3000...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0x2010...0x2027: (value, false)
        case 0xFF10...0xFF19, 0xFF41...0xFF5A: (value - 0xFEE0, true)
        case 0xFF21...0xFF3A: (value - 0xFEE0 + 32, true)
        case 0xFF01...0xFF5E: (value, false)
        default: nil
        }
    }

    /// `\p{L}` or `\p{N}`, as the browser's regular expression tests it.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    static func text(_ bigram: UInt64) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(Unicode.Scalar(UInt32(bigram >> 32))!)
        scalars.append(Unicode.Scalar(UInt32(bigram & 0xFFFF_FFFF))!)
        return String(scalars)
    }
}
