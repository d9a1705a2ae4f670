import Catalogue

/// Facts about legal instruments, looked up by cited title: the built-in registry
/// (`law-registry.tsv`), a workspace's own entries on top, aliases and hand-recorded
/// successors of repealed laws (`law-aliases.yaml`).
///
/// Lookups are one hash probe on the normalized title (`RegistryKey`), then on the title
/// without an issuer prefix: cleaning 200,000 items costs no more than their citations.
public struct LawRegistry: Sendable {
    /// The instrument that replaced a repealed one, and when.
    public struct Successor: Sendable, Hashable {
        public var title: String
        public var date: String

        public init(title: String, date: String) {
            self.title = title
            self.date = date
        }
    }

    public private(set) var entries: [LawEntry] = []
    private var index: [String: Int] = [:]
    private var successors: [String: Successor] = [:]

    public init(entries: [LawEntry] = []) {
        for entry in entries { add(entry) }
    }

    public var count: Int { entries.count }

    /// Adds an entry, or replaces the entry of the same key (a workspace corrects a fact).
    /// A `…关于…的决定` is also found without its issuer, unless that form names another entry.
    public mutating func add(_ entry: LawEntry) {
        if let existing = index[entry.key], entries[existing].key == entry.key {
            entries[existing] = entry
            return
        }
        index[entry.key] = entries.count
        if let short = RegistryKey.withoutIssuer(entry.key), index[short] == nil { index[short] = entries.count }
        entries.append(entry)
    }

    /// Makes `alias` (a short or old name) find the entry keyed `key`; false when there is none.
    @discardableResult
    public mutating func addAlias(_ alias: String, for key: String) -> Bool {
        guard let target = index[RegistryKey.normalize(key)] else { return false }
        index[RegistryKey.normalize(alias)] = target
        return true
    }

    /// Records what replaced a repealed instrument. One the registry lacks is added as a
    /// repealed law, so citing it is still reported.
    public mutating func addSuccessor(_ successor: Successor, of title: String) {
        let key = RegistryKey.normalize(title)
        successors[key] = successor
        if index[key] == nil {
            add(LawEntry(key: key, title: title, rank: .law, versions: [LawVersion(date: "", status: .repealed)]))
        }
    }

    /// The entry a cited title names, nil when the registry does not hold it.
    public func entry(forTitle title: String) -> LawEntry? {
        let key = RegistryKey.normalize(title)
        if let found = index[key] { return entries[found] }
        if let short = RegistryKey.withoutIssuer(key), let found = index[short] { return entries[found] }
        return nil
    }

    /// The entry of a registry key (as in a `RegistryReference`).
    public func entry(key: String) -> LawEntry? {
        index[key].map { entries[$0] }
    }

    public func successor(of entry: LawEntry) -> Successor? { successors[entry.key] }
}
