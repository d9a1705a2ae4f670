import Catalogue

/// Looks a parsed citation up in the law registry: in force, this version superseded,
/// repealed (with its successor where known), not in the registry, or not a legal instrument.
///
/// The cited version is chosen by the latest date in the note (`（1983年12月8日…通过，根据2024年
/// 9月13日…第二次修正）` cites the 2024 version); a note without a date cites the current one.
struct CitationResolver: Sendable {
    let registry: LawRegistry
    let rules: LegalBasisRules

    func resolve(_ citation: Citation) -> CitationResolution {
        guard let title = citation.title else { return .notInRegistry }
        if rules.isNotAnInstrument(title) { return .notALegalInstrument }
        guard let entry = registry.entry(forTitle: title) else { return .notInRegistry }
        let version = entry.version(citedOn: citation.note.flatMap(Self.latestDate))
        let reference = entry.reference(to: version)
        if entry.isRepealed {
            return .repealed(reference, successor: registry.successor(of: entry)?.title)
        }
        if let version, let current = entry.versions.last, version != current {
            return .superseded(reference, current: current.date)
        }
        return .inForce(reference)
    }

    /// The latest `YYYY年M月D日` (or `YYYY年M月`) in a note, as `YYYY-MM-DD`.
    static func latestDate(in note: String) -> String? {
        var latest: String?
        let characters = note.scalarArray
        var index = 0
        while index < characters.count {
            guard let (date, end) = date(characters, at: index) else {
                index += 1
                continue
            }
            if latest.map({ date > $0 }) ?? true { latest = date }
            index = end
        }
        return latest
    }

    private static func date(_ characters: [Scalar], at start: Int) -> (String, Int)? {
        var index = start
        func number(_ maxDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            while index < characters.count, digits < maxDigits, characters[index].isASCIIDigit {
                let digit = Int(characters[index].value - 0x30)
                value = value * 10 + digit
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }
        guard start == 0 || !characters[start - 1].isASCIIDigit,
              let year = number(4), year >= 1949, index < characters.count, characters[index] == "年" else { return nil }
        index += 1
        guard let month = number(2), (1...12).contains(month), index < characters.count, characters[index] == "月" else { return nil }
        index += 1
        var day = 31
        if let parsed = number(2), index < characters.count, characters[index] == "日" {
            day = parsed
            index += 1
        }
        let text = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        return (text, index)
    }
}
