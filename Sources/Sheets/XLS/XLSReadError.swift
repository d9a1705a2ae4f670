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

extension Array where Element == UInt8 {
    /// Little-endian reads at a byte offset the caller has already checked to be in range.
    @inline(__always) func u16(at offset: Int) -> Int {
        Int(self[offset]) | Int(self[offset + 1]) << 8
    }

    @inline(__always) func u32(at offset: Int) -> Int {
        Int(self[offset]) | Int(self[offset + 1]) << 8 | Int(self[offset + 2]) << 16 | Int(self[offset + 3]) << 24
    }

    @inline(__always) func f64(at offset: Int) -> Double {
        var bits: UInt64 = 0
        for index in (0..<8).reversed() { bits = bits << 8 | UInt64(self[offset + index]) }
        return Double(bitPattern: bits)
    }
}
