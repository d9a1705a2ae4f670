import Foundation

/// Counts stated in a sheet name or a title — `行政处罚（254项）`, `市生态环境局（217项）`,
/// `（共12项）` — to compare with what was imported.
enum DeclaredCounts {
    private static let patterns = [
        #"[(（]\s*[共计]?\s*(\d+)\s*项\s*[)）]"#,
        #"[共计]\s*(\d+)\s*项"#,
    ]

    static func count(in text: String) -> Int? {
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            if let match = regex.firstMatch(in: text, range: range), match.numberOfRanges > 1,
               let numberRange = Range(match.range(at: 1), in: text) {
                return Int(text[numberRange])
            }
        }
        return nil
    }
}
