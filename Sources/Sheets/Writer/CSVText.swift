/// Text made safe to put in a CSV file that someone will open in Excel or WPS.
///
/// A field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is taken by Excel
/// and WPS as a formula: `=HYPERLINK("http://…","点此")` from a hostile spreadsheet would come
/// out of an export as a live link, `=cmd|…` as a DDE command. OWASP's rule for CSV injection
/// is to prefix such a field with a single quote, which both programs then show as text.
/// The cost: a number written as text with a leading minus (`-5`) also gains the quote; the
/// exports hold text, and a visible `'` is better than a formula nobody asked for.
public enum CSVText {
    /// The characters that make a spreadsheet program read a field as a formula.
    public static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `value` as inert text: unchanged unless it starts with a formula trigger, then `'`-prefixed.
    public static func inert(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaTriggers.contains(first) else { return value }
        return "'" + value
    }
}
