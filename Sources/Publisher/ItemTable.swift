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
        let fields = ItemField.allCases.filter { field in items.contains { $0.item.fields[field] != nil } }
        var extraHeaders: [String] = []
        var seenExtras = Set<String>()
        for stored in items {
            for extra in stored.item.extraFields where seenExtras.insert(extra.header).inserted {
                extraHeaders.append(extra.header)
            }
        }
        let regionColumn = region.map { [$0.name] } ?? []
        headers = (region == nil ? [] : ["地区"]) + ["修订版", "单位", "层级"] + fields.map(\.label) + extraHeaders
            + ["来源文件", "来源工作表", "来源单元格"]
        rows = items.map { stored in
            let item = stored.item
            // An extra header can repeat within one file (two unknown columns named alike): join them.
            var extras: [String: [String]] = [:]
            for extra in item.extraFields { extras[extra.header, default: []].append(extra.value) }
            return regionColumn + [stored.revision, item.unit.name, item.unit.level.label]
                + fields.map { item.fields[$0] ?? "" }
                + extraHeaders.map { extras[$0]?.joined(separator: "\n") ?? "" }
                + [item.provenance.file, item.provenance.sheet, item.provenance.cellRange]
        }
    }
}
