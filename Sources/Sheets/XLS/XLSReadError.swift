/// Why the XLS reader stopped, with the sheet and cell where known.
///
/// The low-level readers throw this; `XLSReader` turns it into a `SheetsError` that names the file.
struct XLSReadError: Error {
    var reason: SheetsError.Reason
    var sheet: String?
    var cell: CellAddress?

    init(reason: SheetsError.Reason, sheet: String? = nil, cell: CellAddress? = nil) {
        self.reason = reason
        self.sheet = sheet
        self.cell = cell
    }

    /// Damage in the compound file or the BIFF stream, described in Chinese: `扇区链出现循环（扇区 12）`.
    init(_ corruption: String, sheet: String? = nil, cell: CellAddress? = nil) {
        self.init(reason: .corruptWorkbook(corruption), sheet: sheet, cell: cell)
    }
}
