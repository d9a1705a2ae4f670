import Foundation

extension SpreadsheetFormat {
    /// The real format of a file from its first bytes, never from its extension:
    /// `PK\x03\x04` is a ZIP package (XLSX), `D0 CF 11 E0 A1 B1 1A E1` an OLE2 compound
    /// file (XLS), anything else is read as delimited text.
    public static func sniff(_ prefix: some Collection<UInt8>) -> SpreadsheetFormat {
        if prefix.starts(with: zipSignature) { return .xlsx }
        if prefix.starts(with: ole2Signature) { return .xls }
        return .csv
    }

    static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let ole2Signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
}
