import Schemas
/// What a serial-number cell (序号) says.
enum SerialText {
    /// `1`, `12`, `3.`, `1.2`, `2,3`, `2、3`, `（一）`, `一` — a number, not a sentence.
    static func looksLikeSerial(_ text: String) -> Bool {
        let compact = HeaderText.normalize(text)
        guard !compact.isEmpty, compact.count <= 12 else { return false }
        let allowed = Set("0123456789.,、-—()一二三四五六七八九十百")
        return compact.allSatisfy { allowed.contains($0) } && compact.contains(where: { $0.isNumber })
    }

    /// The numbers of a serial cell that names more than one item (`2,3`, `2、3`, `2，3`),
    /// nil for an ordinary serial. A decimal point (`1.0`, `1.2`) does not separate items.
    static func multipleSerials(_ text: String) -> [String]? {
        // No separator (half- or full-width), no list: the common case, without normalizing.
        guard text.unicodeScalars.contains(where: { ",、;，；".unicodeScalars.contains($0) }) else { return nil }
        let parts = HeaderText.normalize(text).split(whereSeparator: { ",、;".contains($0) })
        guard parts.count > 1, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        return parts.map(String.init)
    }
}
