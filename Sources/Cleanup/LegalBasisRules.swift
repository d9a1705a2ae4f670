import Catalogue

/// What `legal-basis.yaml` says: how rank tags are spelled, which titles are not legal
/// instruments, and which ranks may set each category of power (设定权), each rule with the
/// article that states it.
public struct LegalBasisRules: Sendable {
    /// One rule of 设定权: a category of power may be set only by these ranks.
    public struct BasisRule: Sendable, Hashable {
        public var category: String
        /// The rule applies only to items whose name contains one of these (empty: all).
        public var whenNameContains: [String]
        public var ranks: Set<LegalRank>
        /// The article that states the rule, e.g. `《中华人民共和国行政处罚法》第十六条`.
        public var article: String
        /// The rule in words, quoted in findings.
        public var rule: String

        public init(category: String, whenNameContains: [String] = [], ranks: Set<LegalRank>, article: String, rule: String) {
            self.category = category
            self.whenNameContains = whenNameContains
            self.ranks = ranks
            self.article = article
            self.rule = rule
        }

        /// Names and rule words are both normalized text, so a word is searched for by its bytes
        /// (Foundation's `contains` was most of the check).
        func applies(to item: PowerItem) -> Bool {
            whenNameContains.isEmpty || whenNameContains.contains { Self.bytes(of: item.name, contain: $0) }
        }

        static func bytes(of text: String, contain word: String) -> Bool {
            let (haystack, needle) = (Array(text.utf8), Array(word.utf8))
            guard !needle.isEmpty else { return true }
            guard haystack.count >= needle.count else { return false }
            return (0...(haystack.count - needle.count)).contains { start in
                haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle)
            }
        }
    }

    public var rankTags: [String: LegalRank]
    /// Title endings of forms and notices (`告知书`, `工作规程的通知`).
    public var notInstrumentEndings: [String]
    public var rules: [BasisRule]

    public init(rankTags: [String: LegalRank] = [:], notInstrumentEndings: [String] = [], rules: [BasisRule] = []) {
        self.rankTags = rankTags
        self.notInstrumentEndings = notInstrumentEndings
        self.rules = rules
    }

    /// The first rule for the item's category that applies to it.
    public func rule(for item: PowerItem) -> BasisRule? {
        guard let category = item.category?.name else { return nil }
        return rules.first { $0.category == category && $0.applies(to: item) }
    }

    /// Whether a title names a form, notice or work rule rather than a legal instrument.
    public func isNotAnInstrument(_ title: String) -> Bool {
        // By bytes: `hasSuffix` compares Characters, a twentieth of cleaning a basis.
        notInstrumentEndings.contains { ending in
            title.utf8.count >= ending.utf8.count && title.utf8.suffix(ending.utf8.count).elementsEqual(ending.utf8)
        }
    }

    /// Entries of `other` are added after (and, for tags, over) these.
    public func merging(_ other: LegalBasisRules) -> LegalBasisRules {
        var merged = self
        merged.rankTags.merge(other.rankTags) { $1 }
        merged.notInstrumentEndings += other.notInstrumentEndings
        merged.rules = other.rules + merged.rules
        return merged
    }
}
