import Catalogue
import Concurrency

/// The site's items in their published order, grouped the ways the pages list them (by unit,
/// category, level and cited instrument). Built once; every page reads from it.
struct SiteModel {
    let content: SiteContent
    /// Sorted by level, unit, category, serial, name, sub-item: the order of every list and
    /// the search index's document numbers, so a unit's items are one run of numbers.
    let items: [SiteItem]
    let units: [Group]
    let categories: [Group]
    let levels: [Group]
    let laws: [LawEntry]
    /// All items as a published list counts them.
    let itemCount: Int

    /// Items sharing one unit, category or level: `members` are indices into `items`.
    struct Group {
        let name: String
        let slug: String
        let level: Level?
        let code: String?
        var members: [Int]
        /// The group's items as a published list counts them (`PublishedCount`: sub-items of one
        /// item count once), the figure a county reports — not its records. Counted once here:
        /// the home page, the list pages and the group's own page all show it.
        var count = 0
    }

    init(content: SiteContent) {
        self.content = content
        let items = SiteModel.inPublishedOrder(content.items)
        self.items = items
        let entries = SiteModel.countEntries(items)
        units = SiteModel.group(items, entries) { ($0.item.unit.name, $0.item.unit.level, nil) }
        categories = SiteModel.group(items, entries) { ($0.item.category?.name ?? SiteModel.uncategorized, nil, $0.item.category?.code) }
            .sorted { ($0.code ?? "~", $0.name) < ($1.code ?? "~", $1.name) }
        levels = SiteModel.group(items, entries) { ($0.item.unit.level.label, $0.item.unit.level, nil) }
        laws = LawEntry.collect(items)
        itemCount = SiteModel.publishedCount(of: entries.indices, entries)
    }

    /// What the published count reads of each item, normalized once, in chunks on all cores:
    /// every item is counted four times (its unit, category, level and the whole list).
    private static func countEntries(_ items: [SiteItem]) -> [PublishedCount.Entry] {
        let chunks = Concurrent.chunks(items.count, minimum: 5_000)
        return Array(Concurrent.map(chunks.count) { chunk in
            chunks[chunk].map { PublishedCount.Entry(items[$0].item.raw) }
        }.joined())
    }

    private static func publishedCount(of members: some Sequence<Int>, _ entries: [PublishedCount.Entry]) -> Int {
        var count = PublishedCount()
        for member in members { count.add(entries[member]) }
        return count.count
    }

    static let uncategorized = "未分类"

    /// A short stable file name for any name: the same FNV-1a slug items use.
    static func slug(_ name: String) -> String { ItemKey(rawValue: name).slug }

    private static func group(_ items: [SiteItem], _ entries: [PublishedCount.Entry],
                              by key: (SiteItem) -> (String, Level?, String?)) -> [Group] {
        var groups: [Group] = []
        var index: [String: Int] = [:]
        for (position, item) in items.enumerated() {
            let (name, level, code) = key(item)
            if let existing = index[name] {
                groups[existing].members.append(position)
            } else {
                index[name] = groups.count
                groups.append(Group(name: name, slug: slug(name), level: level, code: code, members: [position]))
            }
        }
        for index in groups.indices {
            groups[index].count = publishedCount(of: groups[index].members, entries)
        }
        return groups
    }

    /// The items by level, unit, category code, serial and key, equal ones in their first order.
    /// Sorted as positions by precomputed ranks: comparing Chinese unit names and parsing
    /// serials in every comparison, and moving whole items, took two seconds on one core at 100,000.
    static func inPublishedOrder(_ items: [SiteItem]) -> [SiteItem] {
        let units = ranks(items.map(\.item.unit.name))
        let categories = ranks(items.map { $0.item.category?.code ?? $0.item.category?.name ?? "~" })
        let keys = items.map { item in
            (level: Level.allCases.firstIndex(of: item.item.unit.level)!, unit: units[item.item.unit.name]!,
             category: categories[item.item.category?.code ?? item.item.category?.name ?? "~"]!,
             serial: Int(item.item.raw.serial ?? "") ?? Int.max)
        }
        let order = items.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            if (x.level, x.unit, x.category, x.serial) != (y.level, y.unit, y.category, y.serial) {
                return (x.level, x.unit, x.category, x.serial) < (y.level, y.unit, y.category, y.serial)
            }
            let keyX = items[a].item.key, keyY = items[b].item.key
            if keyX < keyY { return true }
            return keyY < keyX ? false : a < b
        }
        return order.map { items[$0] }
    }

    /// Each distinct text's place among them in `String` order.
    private static func ranks(_ texts: [String]) -> [String: Int] {
        let distinct = Set(texts).sorted()
        return Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, $0.offset) })
    }
}

/// One cited instrument and the items resting on it, by article: what falls if it is amended
/// or repealed.
struct LawEntry {
    let title: String
    let slug: String
    /// The registry's status of the instrument, from the first citation that resolved.
    let resolution: CitationResolution
    let rank: LegalRank?
    /// Article (`第十二条`) → item indices; the references of a citation without articles
    /// are under nil.
    let articles: [(article: ArticleReference?, members: [Int])]
    let itemCount: Int

    /// One instrument's citations while they are collected: the first that resolved, and by
    /// article the positions of the items citing it, ascending.
    private struct Citing {
        var citation: Citation
        var articles: [ArticleReference?: [Int]] = [:]

        mutating func add(_ cited: Citation, at position: Int) {
            if citation.resolution == .unresolved { citation = cited }
            let references: [ArticleReference?] = cited.articles.isEmpty ? [nil] : cited.articles
            // Items come in order: an item citing an article twice is its list's last position.
            for reference in references where articles[reference]?.last != position {
                articles[reference, default: []].append(position)
            }
        }
    }

    static func collect(_ items: [SiteItem]) -> [LawEntry] {
        // Updated in place: an entry copied out and stored back copied its lists each time,
        // which for an instrument cited by thousands of items was quadratic.
        var byTitle: [String: Citing] = [:]
        for (position, item) in items.enumerated() {
            for citation in item.item.citations {
                guard let title = LawEntry.title(of: citation) else { continue }
                byTitle[title, default: Citing(citation: citation)].add(citation, at: position)
            }
        }
        return byTitle.map { title, entry in
            let articles = entry.articles.map { (article: $0.key, members: $0.value) }
                .sorted { ($0.article.map { [0, $0.article, $0.suffix ?? 0, $0.paragraph ?? 0, $0.item ?? 0] } ?? [1])
                    .lexicographicallyPrecedes($1.article.map { [0, $0.article, $0.suffix ?? 0, $0.paragraph ?? 0, $0.item ?? 0] } ?? [1]) }
            let count = Set(entry.articles.values.flatMap { $0 }).count
            return LawEntry(title: title, slug: SiteModel.slug("law|" + title), resolution: entry.citation.resolution,
                            rank: entry.citation.rank, articles: articles, itemCount: count)
        }.sorted { ($0.itemCount, $1.title) > ($1.itemCount, $0.title) }
    }

    /// The instrument's name: the registry's title when it resolved, else the title as cited.
    static func title(of citation: Citation) -> String? {
        citation.resolution.reference?.title ?? citation.title
    }
}
