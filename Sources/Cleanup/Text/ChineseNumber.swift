/// Chinese numerals as written in article references: `二十八`, `一百二十`, `一千二百六十`,
/// `〇`/`零`, and Arabic digits (`28`), which lists mix freely.
public enum ChineseNumber {
    /// The value of a numeral, nil when the text is not one.
    public static func value(_ text: Substring) -> Int? {
        guard !text.isEmpty else { return nil }
        if text.allSatisfy(\.isASCII), let number = Int(text) { return number }
        var section = 0
        var digit = 0
        for character in text {
            if let value = digits[character] {
                digit = value
            } else if let unit = units[character] {
                section += (digit == 0 && unit == 10 ? 1 : digit) * unit
                digit = 0
            } else if character.isASCII, let value = character.wholeNumberValue {
                digit = digit * 10 + value
            } else {
                return nil
            }
        }
        return section + digit
    }

    /// Whether a character can be part of a numeral.
    public static func isDigit(_ character: Character) -> Bool {
        digits[character] != nil || units[character] != nil || (character.isASCII && character.isNumber)
    }

    private static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
}
