import Catalogue
import Store

/// Stored items as one flat table, the shape of the CSV and XLSX exports: the region (when
/// the workspace config names one), the revision, the unit and its level (as a user reads
/// it: `市级`), every known field that some item has (in `ItemField` order, under its Chinese
/// label), every extra column (in order of first appearance), then where the item came from.
public struct ItemTable: Sendable, Equatable {
    public var headers: [String]
    public var rows: [[String]]

    public init(_ items: [StoredItem], region: Region? = nil) {
        let columns = ItemColumns(items.lazy.map(\.item), region: region)
        headers = columns.headers
        rows = items.map { columns.row(revision: $0.revision, item: $0.item) }
    }
}

/// The columns of an `ItemTable` and how one item fills them, without the rows: the
/// downloads of a 100,000-item site are written a row at a time from these (as the table
/// itself, and the XLSX sheet made from it, they took hundreds of megabytes at once).
struct ItemColumns: Sendable {
    /// The raw columns' headers (`ItemTable.headers` without any clean columns).
    let headers: [String]
    private let fields: [ItemField]
    private let extraHeaders: [String]
    private let regionColumn: [String]

    init(_ items: some Sequence<RawItem>, region: Region?) {
        var present = Set<ItemField>()
        var extraHeaders: [String] = []
        var seenExtras = Set<String>()
        for item in items {
            present.formUnion(item.fields.keys)
            for extra in item.extraFields where seenExtras.insert(extra.header).inserted {
                extraHeaders.append(extra.header)
            }
        }
        fields = ItemField.allCases.filter(present.contains)
        self.extraHeaders = extraHeaders
        regionColumn = region.map { [$0.name] } ?? []
        headers = (region == nil ? [] : ["地区"]) + ["修订版", "单位", "层级"] + fields.map(\.label) + extraHeaders
            + ["来源文件", "来源工作表", "来源单元格"]
    }

    func row(revision: String, item: RawItem) -> [String] {
        // An extra header can repeat within one file (two unknown columns named alike): join them.
        var extras: [String: [String]] = [:]
        for extra in item.extraFields { extras[extra.header, default: []].append(extra.value) }
        return regionColumn + [revision, item.unit.name, item.unit.level.label]
            + fields.map { item.fields[$0] ?? "" }
            + extraHeaders.map { extras[$0]?.joined(separator: "\n") ?? "" }
            + [item.provenance.file, item.provenance.sheet, item.provenance.cellRange]
    }
}
