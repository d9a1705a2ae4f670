import Catalogue

/// The power categories of each level, from `categories.yaml`: a name, a two-letter code,
/// the other ways lists write it, and whether it was abolished.
///
/// Levels are matched by their label (`县级`, `市级`, `乡镇`, `村/社区`), never by `Level` case
/// names, so renaming a case only needs `CategorySchema.label(of:)` to stay right.
public struct CategorySchema: Sendable {
    /// One category of a level's list.
    public struct Category: Sendable, Hashable {
        public var name: String
        public var code: String?
        public var aliases: [String]
        /// Why the category no longer exists (非行政许可审批, abolished in 2015); nil when current.
        public var abolished: String?

        public init(name: String, code: String? = nil, aliases: [String] = [], abolished: String? = nil) {
            self.name = name
            self.code = code
            self.aliases = aliases
            self.abolished = abolished
        }

        public var reference: CategoryRef { CategoryRef(name: name, code: code) }
    }

    /// The categories shared by a set of levels (`department` for 县级 and 市级).
    public struct Group: Sendable {
        public var name: String
        public var levels: [String]
        public var categories: [Category]
        /// Whether a power belongs to one unit only at these levels (departments), so the same
        /// power listed by two units is 多头 — not so for townships, which all list the same powers.
        public var exclusive: Bool
        /// Normalized name or alias → index in `categories`.
        var lookup: [String: Int] = [:]

        public init(name: String, levels: [String], categories: [Category], exclusive: Bool = false) {
            self.name = name
            self.levels = levels
            self.categories = categories
            self.exclusive = exclusive
            for (index, category) in categories.enumerated() {
                for text in [category.name] + category.aliases {
                    let key = CategorySchema.key(text)
                    if lookup[key] == nil { lookup[key] = index }
                }
            }
        }

        /// The category a written value names in this group, nil when unknown.
        public func category(for written: String) -> Category? {
            lookup[CategorySchema.key(written)].map { categories[$0] }
        }
    }

    public private(set) var groups: [Group] {
        didSet { indexLevels() }
    }
    /// Level → index in `groups`, computed once: comparing Chinese labels per item is slow.
    private var groupOfLevel: [Level: Int] = [:]

    public init(groups: [Group] = []) {
        self.groups = groups
        indexLevels()
    }

    private mutating func indexLevels() {
        groupOfLevel = [:]
        for level in Level.allCases {
            // `levels` may name a level by key (`county`), label (`县级`) or alias (`县级部门`).
            groupOfLevel[level] = groups.firstIndex { group in group.levels.contains { Level(alias: $0) == level } }
        }
    }

    /// The label a level is listed under in `categories.yaml`. The one place that turns a
    /// `Level` into schema text.
    public static func label(of level: Level) -> String { level.label }

    /// The group whose `levels` list the level's label.
    public func group(for level: Level) -> Group? {
        groupOfLevel[level].map { groups[$0] }
    }

    /// Every category, of any level, whose name or alias the text is: for a value written
    /// at a level that does not have it.
    public func anyLevel(_ written: String) -> (group: Group, category: Category)? {
        for group in groups {
            if let category = group.category(for: written) { return (group, category) }
        }
        return nil
    }

    /// Groups of `other` replace groups of the same name; new groups are added.
    public func merging(_ other: CategorySchema) -> CategorySchema {
        var merged = self
        for group in other.groups {
            if let index = merged.groups.firstIndex(where: { $0.name == group.name }) {
                merged.groups[index] = group
            } else {
                merged.groups.append(group)
            }
        }
        return merged
    }

    /// Every category name of every level, for reading categories from sheet names.
    public var knownCategories: KnownCategories {
        KnownCategories(names: groups.flatMap { $0.categories.map(\.name) })
    }

    /// How written values are compared: no whitespace, half-width, upper-case (`行政\n确认`,
    /// `行政 处罚`, `xk`).
    public static func key(_ text: String) -> String {
        HeaderText.normalize(text).uppercased()
    }
}
