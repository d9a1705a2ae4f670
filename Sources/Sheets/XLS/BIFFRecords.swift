/// The BIFF8 record types the reader understands, and the small values they carry.
enum BIFFRecordType {
    static let bof: UInt16 = 0x0809
    static let eof: UInt16 = 0x000A
    static let filePass: UInt16 = 0x002F
    static let codePage: UInt16 = 0x0042
    static let dateMode: UInt16 = 0x0022
    static let boundSheet: UInt16 = 0x0085
    static let sharedStrings: UInt16 = 0x00FC
    static let format: UInt16 = 0x041E
    static let extendedFormat: UInt16 = 0x00E0

    static let row: UInt16 = 0x0208
    static let labelSST: UInt16 = 0x00FD
    static let label: UInt16 = 0x0204
    static let richLabel: UInt16 = 0x00D6
    static let number: UInt16 = 0x0203
    static let rk: UInt16 = 0x027E
    static let mulRK: UInt16 = 0x00BD
    static let boolErr: UInt16 = 0x0205
    static let formula: UInt16 = 0x0006
    static let string: UInt16 = 0x0207
    static let mergedCells: UInt16 = 0x00E5

    /// Records that start with the row and column of the cell they fill.
    static let cellRecords: Set<UInt16> = [labelSST, label, richLabel, number, rk, mulRK, boolErr, formula]

    /// BOF record types of BIFF2–4, which predate the 0x0809 BOF.
    static let olderBOFs: [UInt16: String] = [0x0009: "BIFF2", 0x0209: "BIFF3", 0x0409: "BIFF4"]
}

/// The beginning-of-file record that opens every substream.
struct BIFFBeginning {
    enum Kind: Equatable {
        case workbookGlobals, worksheet, chart, macroSheet, other
    }

    var kind: Kind

    static let biff8Version = 0x0600

    /// Reads a BOF record, refusing anything older than BIFF8.
    init(_ record: BIFFRecord, in stream: BIFFStream) throws(XLSReadError) {
        if let older = BIFFRecordType.olderBOFs[record.type] {
            throw XLSReadError(reason: .unsupportedBIFFVersion(older))
        }
        guard record.type == BIFFRecordType.bof else {
            throw XLSReadError("数据流不是以 BOF 记录开头（第 \(record.start) 字节）")
        }
        let version = try stream.u16(record, 0)
        guard version == Self.biff8Version else {
            switch version {
            case 0x0500: throw XLSReadError(reason: .unsupportedBIFFVersion("BIFF5"))
            case 0x0400, 0x0300, 0x0200:
                throw XLSReadError(reason: .unsupportedBIFFVersion("BIFF\(version >> 8)"))
            default: throw XLSReadError("未知的 BIFF 版本号 \(BIFFStream.hex(UInt16(version)))")
            }
        }
        kind = switch try stream.u16(record, 2) {
        case 0x0005: .workbookGlobals
        case 0x0010: .worksheet
        case 0x0020: .chart
        case 0x0040: .macroSheet
        default: .other
        }
    }
}

/// Decoders for the compact cell values of BIFF8.
enum BIFFValue {
    /// An RK number: a 30-bit integer or the top 30 bits of a double, optionally divided by 100.
    static func rk(_ raw: Int) -> Double {
        let bits = UInt32(truncatingIfNeeded: raw)
        var value = bits & 0x02 != 0
            ? Double(Int32(bitPattern: bits) >> 2)
            : Double(bitPattern: UInt64(bits & 0xFFFF_FFFC) << 32)
        if bits & 0x01 != 0 { value /= 100 }
        return value
    }

    /// The text Excel shows for a BOOLERR or FORMULA error code.
    static func errorText(_ code: Int) -> String {
        switch code {
        case 0x00: "#NULL!"
        case 0x07: "#DIV/0!"
        case 0x0F: "#VALUE!"
        case 0x17: "#REF!"
        case 0x1D: "#NAME?"
        case 0x24: "#NUM!"
        case 0x2A: "#N/A"
        default: "#ERR\(code)!"
        }
    }
}
