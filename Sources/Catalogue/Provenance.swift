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
    public var cells: [ItemField: String]

    public init(file: String, sheet: String, firstRow: Int, lastRow: Int, cells: [ItemField: String] = [:]) {
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
