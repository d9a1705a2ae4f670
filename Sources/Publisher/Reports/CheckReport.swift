import Catalogue
import Foundation

/// The findings of a check, ready to render: as an HTML page a non-programmer reads offline,
/// an XLSX workbook with one filterable row per finding, JSON with one object per finding, and
/// a terminal summary by unit and severity.
public struct CheckReport: Sendable {
    /// One finding with the names a reader needs beside it.
    public struct Entry: Sendable, Hashable {
        public var finding: Finding
        public var unit: String
        public var itemName: String

        public var rule: String { FindingGuide.rule(finding.code) }
        public var fix: String { FindingGuide.fix(finding.code) }
        /// `Sheet1!E3:E4`, or the file alone.
        public var place: String { finding.location.description }
    }

    public var title: String
    public var entries: [Entry]

    /// `items` give the unit and the name as written of each finding's item; a finding about an
    /// item not given falls back to its key, and one about no item to the file name.
    public init(title: String = "权责清单合法性检查报告", findings: [Finding], items: [PowerItem] = []) {
        self.title = title
        var byKey: [ItemKey: PowerItem] = [:]
        for item in items where byKey[item.key] == nil { byKey[item.key] = item }
        entries = findings.map { finding in
            if let key = finding.item, let item = byKey[key] {
                let name = item.subItemName.map { "\(item.name)—\($0)" } ?? item.name
                return Entry(finding: finding, unit: item.unit.name, itemName: name)
            }
            let parts = finding.item?.rawValue.split(separator: "|", omittingEmptySubsequences: false).map(String.init) ?? []
            let unit = parts.first.flatMap { $0.isEmpty ? nil : $0 } ?? finding.location.file
            let name = parts.count > 1 ? parts[1...].filter { !$0.isEmpty }.joined(separator: "—") : ""
            return Entry(finding: finding, unit: unit, itemName: name)
        }
    }

    /// Units in order of first appearance, each with its entries, errors first.
    public var byUnit: [(unit: String, entries: [Entry])] {
        var order: [String] = []
        var groups: [String: [Entry]] = [:]
        for entry in entries {
            if groups[entry.unit] == nil { order.append(entry.unit) }
            groups[entry.unit, default: []].append(entry)
        }
        return order.map { unit in
            (unit, groups[unit]!.enumerated().sorted { lhs, rhs in
                lhs.element.finding.severity != rhs.element.finding.severity
                    ? lhs.element.finding.severity > rhs.element.finding.severity : lhs.offset < rhs.offset
            }.map(\.element))
        }
    }

    public func count(_ severity: Finding.Severity) -> Int {
        entries.count { $0.finding.severity == severity }
    }

    public var hasErrors: Bool { entries.contains { $0.finding.severity == .error } }
}
