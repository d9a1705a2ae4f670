/// SplitMix64: a tiny deterministic PRNG, so every run generates the same workbook.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// One generated power item: the texts of its rows, as a county department would hand them in.
struct GeneratedItem {
    /// Columns A…N of each row; nil is an empty cell. The first row carries the item's
    /// serial, name, category and basis; they are merged down over the item's other rows.
    var rows: [[GeneratedValue?]]
}

enum GeneratedValue {
    case number(Int)
    case text(String)
}

/// Builds realistic power items: 1–3 rows each, long legal-basis citations, repeated
/// boilerplate duties, so the shared-string table holds both unique and much-repeated texts.
struct PowerListGenerator {
    static let columns = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "承办机构",
                          "实施层级", "部门职责", "责任事项内容", "责任事项依据", "追责对象范围", "追责情形", "备注"]
    /// Columns merged down over an item's rows: serial, name, category, basis.
    static let mergedColumns = [0, 1, 3, 4]

    private var random: SplitMix64
    /// Legal-basis texts of one to three citations. A pool, as in real catalogues where items
    /// of one law share their basis; 5,000 of them keep the shared-string table near real sizes.
    private var bases: [String] = []

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        bases = (0..<5_000).map { _ in (0..<1 + random.below(3)).map { _ in citation() }.joined(separator: "\n") }
    }

    mutating func item(serial: Int) -> GeneratedItem {
        let rowCount = [1, 1, 1, 1, 2, 2, 2, 3][random.below(8)]
        let category = random.pick(Vocabulary.categories)
        let name = "对\(random.pick(Vocabulary.subjects))\(random.pick(Vocabulary.acts))的\(category.suffix)"
        let basis = random.pick(bases)
        let unit = random.pick(Vocabulary.units)
        var rows: [[GeneratedValue?]] = []
        for row in 0..<rowCount {
            let first = row == 0
            let subItem = rowCount == 1 ? nil : "\(random.pick(Vocabulary.subjects))\(random.pick(Vocabulary.acts))"
            rows.append([
                first ? .number(serial) : nil,
                first ? .text(name) : nil,
                subItem.map(GeneratedValue.text),
                first ? .text(category.name) : nil,
                first ? .text(basis) : nil,
                .text(unit),
                .text(random.pick(Vocabulary.offices)),
                .text(random.pick(Vocabulary.levels)),
                .text("负责\(random.pick(Vocabulary.subjects))\(random.pick(Vocabulary.duties))工作"),
                .text(random.pick(Vocabulary.responsibilities)),
                .text(citation()),
                .text(Vocabulary.accountable),
                .text(random.pick(Vocabulary.liabilities)),
                random.below(10) == 0 ? .text(random.pick(Vocabulary.remarks)) : nil,
            ])
        }
        return GeneratedItem(rows: rows)
    }

    /// A number below `bound` from the generator's own sequence, for choices made around items.
    mutating func roll(_ bound: Int) -> Int { random.below(bound) }

    /// A fresh legal basis of one or two citations, for items whose basis changes.
    mutating func newBasis() -> String { (0..<1 + random.below(2)).map { _ in citation() }.joined(separator: "\n") }

    /// `【法律】《中华人民共和国…法》（…）第二十八条：…` — 960 distinct texts: an article's
    /// text follows from the law and the article number.
    private mutating func citation() -> String {
        let lawIndex = random.below(Vocabulary.laws.count)
        let law = Vocabulary.laws[lawIndex]
        let articleNumber = 1 + random.below(80)
        let text = Vocabulary.articleTexts[(lawIndex * 80 + articleNumber) % Vocabulary.articleTexts.count]
        return "\(law.rank)《\(law.title)》（\(law.history)）第\(Vocabulary.chineseNumber(articleNumber))条：\(text)"
    }
}
