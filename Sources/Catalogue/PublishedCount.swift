/// The number of items as a published list counts them — the one definition behind the
/// import summary, `export`, `items`, the benchmarks, and later the checks, the diff and
/// the site.
///
/// Counted table by table (a sheet of a file, for each unit on it):
/// - a main item counts once, however many sub-item rows it has: records are told apart by
///   serial and name (the name normalized as in `ItemKey`), and sub-items share both;
/// - the same serial and name twice in one table is one item listed twice: it counts once
///   (a duplicate is a finding for the checks, not a second power);
/// - in a table that numbers its items, a row without a serial is not counted — the list's
///   own numbering leaves it out, and the importer reports it (`import.missing-serial`);
/// - a table in which no row has a serial (no 序号 column, or one left empty throughout)
///   counts its distinct names.
///
/// Streaming: feed records one by one with `add`, read `count` at the end.
public struct PublishedCount: Sendable {
    fileprivate struct Table: Hashable {
        var unit: String, file: String, sheet: String

        /// Equal bytes are equal strings; the records of one table come one after another, so
        /// this answers nearly every record without hashing three Chinese texts.
        func hasSameBytes(as other: Table) -> Bool {
            UTF8Key(unit) == UTF8Key(other.unit) && UTF8Key(file) == UTF8Key(other.file)
                && UTF8Key(sheet) == UTF8Key(other.sheet)
        }
    }

    /// A serial (empty for none) and a name, both in key form (NFKC): equal texts have equal
    /// bytes, so they are compared as bytes (`String` compares Chinese text normalized again).
    /// Hashed once, when the entry is made: a set rehashes every key each time it grows.
    fileprivate struct Numbered: Hashable {
        var serial: UTF8Key, name: UTF8Key
        let hash: Int

        init(serial: UTF8Key, name: UTF8Key) {
            (self.serial, self.name) = (serial, name)
            var hasher = Hasher()
            serial.hash(into: &hasher)
            name.hash(into: &hasher)
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (a: Numbered, b: Numbered) -> Bool {
            a.hash == b.hash && a.name == b.name && a.serial == b.serial
        }
    }

    private struct Tally {
        /// Records with a serial; those without, apart (`names`).
        var serialed = Set<Numbered>()
        var names = Set<Numbered>()
    }

    private var tables: [Table: Int] = [:]
    private var tallies: [Tally] = []
    /// The table of the last record and its tally's index.
    private var last: (table: Table, index: Int)?

    public init() {}

    /// What the count reads of one record, its serial and name normalized: made once by a
    /// caller that counts the same records in several groupings (the site counts every unit,
    /// category and level), since normalizing the names was most of the count.
    public struct Entry: Sendable {
        fileprivate let table: Table
        fileprivate let numbered: Numbered

        public init(unit: String, file: String, sheet: String, serial: String?, name: String?) {
            self.init(unit: unit, file: file, sheet: sheet, record: Record(serial: serial, name: name))
        }

        /// A record's serial and name read already, in its table.
        public init(unit: String, file: String, sheet: String, record: Record) {
            table = Table(unit: unit, file: file, sheet: sheet)
            numbered = record.numbered
        }

        public init(_ item: RawItem) {
            self.init(unit: item.unit.name, file: item.provenance.file, sheet: item.provenance.sheet,
                      serial: item.serial, name: item.fields[.name])
        }
    }

    /// A record's serial and name normalized and hashed, without its table: the importer reads
    /// them as it assembles items, before their unit (and so their table) is known.
    public struct Record: Sendable {
        fileprivate let numbered: Numbered

        public init(serial: String?, name: String?) {
            numbered = Numbered(serial: UTF8Key(serial.map { ItemKey.normalized($0) } ?? ""),
                                name: UTF8Key(ItemKey.normalized(name ?? "")))
        }

        public init(_ item: RawItem) {
            self.init(serial: item.serial, name: item.fields[.name])
        }
    }

    public mutating func add(unit: String, file: String, sheet: String, serial: String?, name: String?) {
        add(Entry(unit: unit, file: file, sheet: sheet, serial: serial, name: name))
    }

    public mutating func add(_ entry: Entry) {
        let index = tally(of: entry.table)
        if entry.numbered.serial.text.isEmpty {
            tallies[index].names.insert(entry.numbered)
        } else {
            tallies[index].serialed.insert(entry.numbered)
        }
    }

    private mutating func tally(of table: Table) -> Int {
        if let last, last.table.hasSameBytes(as: table) { return last.index }
        let index = tables[table] ?? tallies.count
        if index == tallies.count {
            tables[table] = index
            tallies.append(Tally())
        }
        last = (table, index)
        return index
    }

    public mutating func add(_ item: RawItem) {
        add(Entry(item))
    }

    public var count: Int {
        tallies.reduce(0) { $0 + ($1.serialed.isEmpty ? $1.names.count : $1.serialed.count) }
    }
}

extension Sequence<RawItem> {
    /// The number of items as a published list counts them: see `PublishedCount`.
    public var publishedItemCount: Int {
        var count = PublishedCount()
        for item in self { count.add(item) }
        return count.count
    }
}

extension Sequence<PowerItem> {
    /// The number of items as a published list counts them, from their raw values: see `PublishedCount`.
    public var publishedItemCount: Int { lazy.map(\.raw).publishedItemCount }
}
