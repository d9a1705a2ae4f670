/// One BIFF record: its type and where it lies.
struct BIFFRecord {
    var type: UInt16
    /// Offset of the record's 4-byte header in the stream; BOUNDSHEET offsets point here.
    var start: Int
    /// The payload's byte range in `BIFFStream.bytes` (which may hold more than the stream).
    var payload: Range<Int>

    var length: Int { payload.count }
    /// Offset in the stream where the next record starts.
    var end: Int { start + 4 + payload.count }
}

/// A BIFF8 Workbook stream: a flat sequence of records `type:u16 length:u16 payload`.
///
/// The stream is a window on `bytes`, so a stream stored in consecutive sectors is read in
/// place, without copying. Record headers and fields are bounds-checked here, so parsers can
/// read fields by offset and get an `XLSReadError` (not a trap) when a record is too short.
struct BIFFStream {
    let bytes: ByteView
    /// Where the stream lies in `bytes`.
    let window: Range<Int>

    init(bytes: ByteView, window: Range<Int>? = nil) {
        self.bytes = bytes
        self.window = window ?? bytes.indices
    }

    var count: Int { window.count }

    /// The record whose header starts `offset` bytes into the stream; nil at the end of the stream.
    func record(at offset: Int) throws(XLSReadError) -> BIFFRecord? {
        // Fewer than 4 bytes left is padding after the last record.
        guard offset >= 0, offset + 4 <= count else { return nil }
        let headerStart = window.lowerBound + offset
        let type = UInt16(bytes.u16(at: headerStart))
        let length = bytes.u16(at: headerStart + 2)
        guard offset + 4 + length <= count else {
            throw XLSReadError("第 \(offset) 字节处的记录（类型 \(BIFFStream.hex(type))）被截断")
        }
        return BIFFRecord(type: type, start: offset, payload: (headerStart + 4)..<(headerStart + 4 + length))
    }

    func u8(_ record: BIFFRecord, _ offset: Int) throws(XLSReadError) -> Int {
        try require(record, offset + 1)
        return Int(bytes[record.payload.lowerBound + offset])
    }

    func u16(_ record: BIFFRecord, _ offset: Int) throws(XLSReadError) -> Int {
        try require(record, offset + 2)
        return bytes.u16(at: record.payload.lowerBound + offset)
    }

    func u32(_ record: BIFFRecord, _ offset: Int) throws(XLSReadError) -> Int {
        try require(record, offset + 4)
        return bytes.u32(at: record.payload.lowerBound + offset)
    }

    func f64(_ record: BIFFRecord, _ offset: Int) throws(XLSReadError) -> Double {
        try require(record, offset + 8)
        return bytes.f64(at: record.payload.lowerBound + offset)
    }

    /// Throws unless the record's payload holds at least `length` bytes.
    func require(_ record: BIFFRecord, _ length: Int) throws(XLSReadError) {
        guard record.length >= length else {
            throw XLSReadError("第 \(record.start) 字节处的记录（类型 \(BIFFStream.hex(record.type))）长度不足")
        }
    }

    /// `0x00FD`
    static func hex(_ type: UInt16) -> String {
        let digits = String(type, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
