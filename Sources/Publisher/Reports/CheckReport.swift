import Catalogue
import Foundation

/// The findings of a check, ready to render: as an HTML page a non-programmer reads offline,
/// an XLSX workbook with one filterable row per finding, JSON with one object per finding, and
/// a terminal summary by unit and severity.
///
/// Built over indices: each finding points to its subject (unit and item name, one per item,
/// shared by the item's findings) and the groups by unit are computed once, as lists of
/// finding indices — a check of 200,000 items has hundreds of thousands of findings, and
/// sorting or copying entries that carry their strings cost more than the check itself.
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

    /// A unit's findings: their indices in `findings`, errors first, then in the order given.
    public struct UnitGroup: Sendable {
        public var unit: String
        public var indices: [Int]
    }

    /// Who a finding is about, as a reader names it.
    struct Subject: Sendable {
        var unit: String
        var itemName: String
    }

    public var title: String
    /// The findings, in the order given.
    public let findings: [Finding]
    /// Per finding, the index of its subject in `subjects`.
    let subjectIndices: [Int]
    let subjects: [Subject]
    /// Units in order of first appearance, each with its findings, errors first.
    public let byUnit: [UnitGroup]

    /// `items` give the unit and the name as written of each finding's item; a finding about an
    /// item not given falls back to its key, and one about no item to the file name.
    public init(title: String = "权责清单合法性检查报告", findings: [Finding], items: [PowerItem] = []) {
        self.title = title
        self.findings = findings
        var subjects = SubjectTable(items: items)
        subjectIndices = findings.map { subjects.index(of: $0) }
        self.subjects = subjects.subjects
        byUnit = Self.groups(findings, subjectIndices: subjectIndices, subjects: self.subjects)
    }

    /// The entry of the finding at `index`.
    public subscript(index: Int) -> Entry {
        let subject = subjects[subjectIndices[index]]
        return Entry(finding: findings[index], unit: subject.unit, itemName: subject.itemName)
    }

    /// Every finding with its names, in the order given.
    public var entries: [Entry] { findings.indices.map { self[$0] } }

    public func count(_ severity: Finding.Severity) -> Int {
        findings.count { $0.severity == severity }
    }

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// Groups by unit (the unit of each subject looked up once), each group bucketed by
    /// severity: a stable order, errors first, without comparing findings.
    private static func groups(_ findings: [Finding], subjectIndices: [Int], subjects: [Subject]) -> [UnitGroup] {
        let severities: [Finding.Severity] = [.error, .warning, .info]
        var groupOfUnit: [UTF8Key: Int] = [:]
        var units: [String] = []
        let groupOfSubject = subjects.map { subject in
            if let group = groupOfUnit[UTF8Key(subject.unit)] { return group }
            groupOfUnit[UTF8Key(subject.unit)] = units.count
            units.append(subject.unit)
            return units.count - 1
        }
        var buckets = Array(repeating: Array(repeating: [Int](), count: severities.count), count: units.count)
        var firstSeen: [Int] = []
        var seen = Array(repeating: false, count: units.count)
        for (index, finding) in findings.enumerated() {
            let group = groupOfSubject[subjectIndices[index]]
            if !seen[group] {
                seen[group] = true
                firstSeen.append(group)
            }
            buckets[group][severities.firstIndex(of: finding.severity)!].append(index)
        }
        return firstSeen.map { group in
            UnitGroup(unit: units[group], indices: Array(buckets[group].joined()))
        }
    }
}

/// The subjects of a report's findings: one per item (the first item of each key), one per
/// key or file for findings about items not given.
private struct SubjectTable {
    var subjects: [CheckReport.Subject] = []
    private let items: [PowerItem]
    /// The first item of each key, by the key's bytes.
    private var itemOfKey: TextTable
    private var subjectOfItem: [Int?]
    private var subjectOfFallback: [UTF8Key: Int] = [:]

    init(items: [PowerItem]) {
        self.items = items
        subjectOfItem = Array(repeating: nil, count: items.count)
        itemOfKey = TextTable(capacity: items.count)
        for index in items.indices { itemOfKey.insert(Int32(index), for: items[index].key.rawValue) }
    }

    /// The last finding's key and subject: an item's findings come one after another, and
    /// comparing two keys' bytes costs less than hashing one (800,000 findings at 200,000 items).
    private var last: (key: ItemKey, subject: Int)?

    mutating func index(of finding: Finding) -> Int {
        if let key = finding.item, let last, last.key == key { return last.subject }
        if let key = finding.item, let item = itemOfKey[key.rawValue] {
            let subject = subject(ofItem: Int(item))
            last = (key, subject)
            return subject
        }
        let fallback = UTF8Key((finding.item?.rawValue ?? "") + "\u{1}" + finding.location.file)
        if let known = subjectOfFallback[fallback] { return known }
        subjectOfFallback[fallback] = append(Self.fallback(finding))
        return subjects.count - 1
    }

    /// The subject of `items[item]`, added on first use.
    private mutating func subject(ofItem item: Int) -> Int {
        if let known = subjectOfItem[item] { return known }
        let found = items[item]
        let name = found.subItemName.map { "\(found.name)—\($0)" } ?? found.name
        subjectOfItem[item] = append(CheckReport.Subject(unit: found.unit.name, itemName: name))
        return subjects.count - 1
    }

    private mutating func append(_ subject: CheckReport.Subject) -> Int {
        subjects.append(subject)
        return subjects.count - 1
    }

    /// The unit and name a key spells (`unit|name|sub-item`), or the file for no key.
    private static func fallback(_ finding: Finding) -> CheckReport.Subject {
        let parts = finding.item?.rawValue.split(separator: "|", omittingEmptySubsequences: false).map(String.init) ?? []
        let unit = parts.first.flatMap { $0.isEmpty ? nil : $0 } ?? finding.location.file
        let name = parts.count > 1 ? parts[1...].filter { !$0.isEmpty }.joined(separator: "—") : ""
        return CheckReport.Subject(unit: unit, itemName: name)
    }
}
