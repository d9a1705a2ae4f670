import Catalogue

/// Ties import findings to the item they are about: the item whose rows hold the finding's
/// cell, on the same sheet, and the field that cell belongs to — so a reviewer sees a
/// missing serial on the item's page, and the Store records the finding against the item.
struct FindingPlacement {
    private struct Place: Hashable {
        var sheet: String
        var row: Int
    }

    private var items: [Place: PowerItem] = [:]
    /// The rows the findings to place point at: only items on them are kept, so an import in
    /// chunks does not hold every clean item until the end (most files have no such finding).
    private let wanted: Set<Place>

    init(_ items: [PowerItem] = [], for findings: [Finding]) {
        wanted = Set(findings.compactMap { Self.place(of: $0)?.place })
        add(items)
    }

    /// Adds items that come after those already added (an earlier item keeps its rows).
    mutating func add(_ items: [PowerItem]) {
        guard !wanted.isEmpty else { return }
        for item in items {
            let provenance = item.raw.provenance
            for row in provenance.firstRow...max(provenance.firstRow, provenance.lastRow) {
                let place = Place(sheet: provenance.sheet, row: row)
                if wanted.contains(place), self.items[place] == nil { self.items[place] = item }
            }
        }
    }

    /// The finding with its item and field filled in when its cell lies in an item's rows;
    /// unchanged otherwise (a sheet, a header, a note under the table).
    func placed(_ finding: Finding) -> Finding {
        guard finding.item == nil, let (place, column) = Self.place(of: finding), let item = items[place] else { return finding }
        var placed = finding
        placed.item = item.key
        placed.field = finding.field ?? Self.field(of: finding.code) ?? item.raw.provenance.cells.first { _, fieldCell in
            Self.corner(of: fieldCell)?.column == column
        }?.key
        return placed
    }

    /// The sheet row a finding's cell lies on, and the cell's column letters.
    private static func place(of finding: Finding) -> (place: Place, column: Substring)? {
        guard let sheet = finding.location.sheet, let cell = finding.location.cell,
              let (column, row) = corner(of: cell) else { return nil }
        return (Place(sheet: sheet, row: row), column)
    }

    /// The field a finding of this code is about, whatever cell it points at.
    private static func field(of code: FindingCode) -> ItemField? {
        switch code {
        case .missingSerial, .sharedSerial: .serial
        case .missingName: .name
        case .categoryFromSheet: .category
        default: nil
        }
    }

    /// The column letters and row of a reference's first corner (`B12:B14` → `B`, 12); nil
    /// for a whole-row range (`3:3`).
    private static func corner(of cell: String) -> (column: Substring, row: Int)? {
        let first = cell.prefix { $0 != ":" }
        let letters = first.prefix { $0.isASCII && $0.isLetter }
        guard !letters.isEmpty, let row = Int(first.dropFirst(letters.count)) else { return nil }
        return (letters, row)
    }
}
