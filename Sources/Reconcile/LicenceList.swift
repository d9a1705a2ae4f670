import Catalogue
import Foundation
import Sheets

/// A reference list of licences (行政许可事项清单): the national list of licences set by
/// 法律、行政法规、国务院决定 and the province's list of locally set ones. 国办发〔2022〕2号:
/// "清单之外一律不得违法实施行政许可" — every local 行政许可 item must match an entry.
public struct LicenceList: Sendable {
    /// The entries' names as written.
    public let names: [String]
    private let index: NameIndex
    private let exact: Set<String>

    public init(names: [String]) {
        self.names = names
        index = NameIndex(names)
        exact = Set(names.map(ItemKey.normalized))
    }

    /// Reads the first sheet of a CSV or XLSX file holding a name column (a header cell
    /// containing `名称`: 事项名称, 许可事项名称…), every sheet in turn.
    /// - Throws: `ReconcileError` naming the file when no sheet has such a column.
    public static func read(_ file: URL) throws -> LicenceList {
        let workbook: Workbook
        do { workbook = try Workbook.read(file) } catch { throw ReconcileError(error.description) }
        var names: [String] = []
        for sheet in workbook.sheets {
            guard let (headerRow, column) = nameColumn(sheet) else { continue }
            names += sheet.rows.filter { $0.index > headerRow }.compactMap { $0[column]?.text }
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
        guard !names.isEmpty else {
            throw ReconcileError("许可事项清单 \(file.lastPathComponent) 中找不到“事项名称”列（表头须含“名称”二字）。")
        }
        return LicenceList(names: names)
    }

    /// The first header cell (in the first 10 rows) naming the item.
    static func nameColumn(_ sheet: Sheet) -> (row: Int, column: Int)? {
        for row in sheet.rows.prefix(10) {
            if let cell = row.cells.first(where: { $0.value.text.contains("名称") }) {
                return (row.index, cell.address.column)
            }
        }
        return nil
    }

    /// The entry a name matches: the same normalized name, else one similar enough (the list's
    /// wording and a county's differ by a word or two).
    /// A parenthesised qualifier (`食品经营许可（含小餐饮）`) narrows the entry, so it is dropped first.
    public func entry(for name: String, threshold: Double = 0.8) -> String? {
        let bare = name.replacingOccurrences(of: #"（[^）]*）|\([^)]*\)"#, with: "", options: .regularExpression)
        for text in [name, bare] where exact.contains(ItemKey.normalized(text)) { return text }
        return index.best(bare, threshold: threshold).map { names[$0.index] }
    }

    /// One `licenceNotListed` error per local item of the rule's category (a main item, once
    /// per unit and name) that matches no entry.
    public func findings(_ items: [PowerItem], rule: LicenceRule) -> [Finding] {
        var seen = Set<String>()
        return items.compactMap { item in
            guard (item.category?.name ?? item.fields[.category]) == rule.category,
                  seen.insert("\(item.unit.name)|\(item.name)").inserted,
                  entry(for: item.name, threshold: rule.similarity) == nil else { return nil }
            let provenance = item.raw.provenance
            return Finding(code: .licenceNotListed, severity: .error,
                           message: "\(rule.category)“\(item.name)”不在许可事项清单中（\(rule.rule)，\(rule.article)）",
                           location: Location(file: provenance.file, sheet: provenance.sheet,
                                              cell: provenance.cells[.name] ?? "\(provenance.firstRow):\(provenance.firstRow)"),
                           item: item.key, field: .name)
        }
    }
}

/// A reconciliation input that cannot be used; `description` is what the user reads.
public struct ReconcileError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
