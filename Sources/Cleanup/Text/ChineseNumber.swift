/// Chinese numerals as written in article references: `二十八`, `一百二十`, `一千二百六十`,
/// `〇`/`零`, and Arabic digits (`28`), which lists mix freely.
public enum ChineseNumber {
    /// Larger values are no article, paragraph or item number (the longest law has a few
    /// thousand articles): such a run of digits is not read as a number, and cannot overflow.
    static let limit = 1_000_000

    /// The value of a numeral, nil when the text is not one or exceeds `limit`.
    public static func value(_ text: Substring) -> Int? {
        value(Array(text.unicodeScalars)[...])
    }

    static func value(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !scalars.isEmpty else { return nil }
        var section = 0
        var digit = 0
        for scalar in scalars {
            if scalar.isASCIIDigit {
                digit = digit * 10 + Int(scalar.value - 0x30)
            } else if let value = digits[scalar] {
                digit = value
            } else if let unit = units[scalar] {
                section += (digit == 0 && unit == 10 ? 1 : digit) * unit
                digit = 0
            } else {
                return nil
            }
            guard digit <= limit, section <= limit else { return nil }
        }
        return section + digit
    }

    /// Whether a scalar can be part of a numeral.
    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIIDigit || digits[scalar] != nil || units[scalar] != nil
    }

    private static let digits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let units: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000]
}
