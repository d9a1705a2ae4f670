/// Where an item came from: the file, the sheet, its rows, and the cell of each field,
/// as a person finds them in Excel (rows 1-based, cells like `D12` or merged `D12:D14`).
public struct Provenance: Codable, Hashable, Sendable {
    /// File name as handed in (the path relative to the imported folder, or the name).
    public var file: String
    public var sheet: String
    /// First and last Excel row (1-based, inclusive) the item spans.
    public var firstRow: Int
    public var lastRow: Int
    /// The cell (or merged range) each field was read from.
    public var cells: FieldValues

    public init(file: String, sheet: String, firstRow: Int, lastRow: Int, cells: FieldValues = [:]) {
        self.file = file
        self.sheet = sheet
        self.firstRow = firstRow
        self.lastRow = lastRow
        self.cells = cells
    }

    /// `A12:P14`-style row span as text: `第12行` or `第12–14行`.
    public var rowsDescription: String {
        firstRow == lastRow ? "第\(firstRow)行" : "第\(firstRow)–\(lastRow)行"
    }
}

extension Provenance {
    /// The block of cells the item spans, e.g. `A5:P7`: from the leftmost to the rightmost
    /// column of its fields' cells, over its rows (`B4` for a single cell). Just the rows (`5:7`) when no cell is known.
    /// On the addresses' bytes: every download row gives it, and counting the letters as
    /// `Character`s was 4 % of publishing 100,000 items.
    public var cellRange: String {
        var leftmost: [UInt8] = [], rightmost: [UInt8] = []
        for cell in cells.values {
            for corner in cell.utf8.split(separator: UInt8(ascii: ":")) {
                let letters = corner.prefix { (65...90).contains($0) || (97...122).contains($0) }
                guard !letters.isEmpty else { continue }
                if leftmost.isEmpty || Self.columnPrecedes(letters, leftmost) { leftmost = Array(letters) }
                if rightmost.isEmpty || Self.columnPrecedes(rightmost, letters) { rightmost = Array(letters) }
            }
        }
        guard !leftmost.isEmpty else { return "\(firstRow):\(lastRow)" }
        let start = String(decoding: leftmost, as: UTF8.self) + String(firstRow)
        let end = String(decoding: rightmost, as: UTF8.self) + String(lastRow)
        return start == end ? start : start + ":" + end
    }

    /// Column letters order as numbers do when compared by length first: Z < AA.
    private static func columnPrecedes(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b)
    }
}
