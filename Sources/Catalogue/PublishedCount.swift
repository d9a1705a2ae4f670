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
    private struct Table: Hashable {
        var unit: String, file: String, sheet: String
    }

    private struct Tally {
        var serialed = Set<[String]>()
        var names = Set<String>()
    }

    private var tables: [Table: Tally] = [:]

    public init() {}

    public mutating func add(unit: String, file: String, sheet: String, serial: String?, name: String?) {
        let table = Table(unit: unit, file: file, sheet: sheet)
        let name = ItemKey.normalized(name ?? "")
        let serial = serial.map { ItemKey.normalized($0) } ?? ""
        if serial.isEmpty {
            tables[table, default: Tally()].names.insert(name)
        } else {
            tables[table, default: Tally()].serialed.insert([serial, name])
        }
    }

    public mutating func add(_ item: RawItem) {
        add(unit: item.unit.name, file: item.provenance.file, sheet: item.provenance.sheet,
            serial: item.serial, name: item.fields[.name])
    }

    public var count: Int {
        tables.values.reduce(0) { $0 + ($1.serialed.isEmpty ? $1.names.count : $1.serialed.count) }
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
