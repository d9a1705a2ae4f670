/// Reads fields and Unicode strings from a record and the CONTINUE records after it.
///
/// SST, STRING and long LABEL records overflow into CONTINUE records. Between fields the
/// continuation simply carries on; inside a string's characters it restarts with a fresh
/// option byte saying whether the rest is compressed (Latin-1) or UTF-16LE.
struct BIFFContinuedReader {
    private let bytes: ByteView
    private var segments: [Range<Int>]
    private var segmentIndex = 0
    private var position: Int
    /// Scratch space for a string split across records, as UTF-16LE bytes; reused.
    private var scratch: [UInt8] = []

    static let continueType: UInt16 = 0x003C

    /// A reader starting `offset` bytes into `record`'s payload, following CONTINUE records if asked.
    init(_ stream: BIFFStream, _ record: BIFFRecord, from offset: Int = 0,
         followingContinues: Bool = true) throws(XLSReadError) {
        try stream.require(record, offset)
        bytes = stream.bytes
        segments = [record.payload]
        position = record.payload.lowerBound + offset
        var next = record.end
        while followingContinues, let continued = try stream.record(at: next), continued.type == Self.continueType {
            segments.append(continued.payload)
            next = continued.end
        }
    }

    /// Payload bytes in the record and its CONTINUE records together.
    var totalBytes: Int { segments.reduce(0) { $0 + $1.count } }

    /// True when every segment has been read.
    var isAtEnd: Bool {
        position >= segments[segmentIndex].upperBound && segments[(segmentIndex + 1)...].allSatisfy(\.isEmpty)
    }

    mutating func u8() throws(XLSReadError) -> Int {
        try moveToDataIfNeeded()
        defer { position += 1 }
        return Int(bytes[position])
    }

    mutating func u16() throws(XLSReadError) -> Int {
        if position + 2 <= segments[segmentIndex].upperBound {
            defer { position += 2 }
            return bytes.u16(at: position)
        }
        return try u8() | u8() << 8
    }

    mutating func u32() throws(XLSReadError) -> Int {
        try u16() | u16() << 16
    }

    /// Skips bytes that may run across CONTINUE boundaries (rich-text runs, phonetic data).
    mutating func skip(_ count: Int) throws(XLSReadError) {
        var remaining = count
        while remaining > 0 {
            try moveToDataIfNeeded()
            let step = min(remaining, segments[segmentIndex].upperBound - position)
            position += step
            remaining -= step
        }
    }

    /// An XLUnicodeRichExtendedString (SST entries): length, options, optional run and
    /// phonetic sizes, characters, then the runs and phonetic data, which are skipped.
    mutating func richExtendedString() throws(XLSReadError) -> String {
        let count = try u16()
        let options = try u8()
        let runCount = options & 0x08 != 0 ? try u16() : 0
        let extSize = options & 0x04 != 0 ? try u32() : 0
        let text = try characters(count, highByte: options & 0x01 != 0)
        try skip(4 * runCount + extSize)
        return text
    }

    /// An XLUnicodeString (LABEL, STRING, FORMAT): 16-bit length, or 8-bit for ShortXLUnicodeString.
    mutating func unicodeString(shortLength: Bool = false) throws(XLSReadError) -> String {
        let count = shortLength ? try u8() : try u16()
        let options = try u8()
        return try characters(count, highByte: options & 0x01 != 0)
    }

    private mutating func characters(_ count: Int, highByte: Bool) throws(XLSReadError) -> String {
        let length = count * (highByte ? 2 : 1)
        // The common case: the whole string lies in the current record.
        if position + length <= segments[segmentIndex].upperBound {
            defer { position += length }
            return Self.decode(bytes, from: position, count: count, highByte: highByte)
        }
        // Split across CONTINUE records, each part with its own width: gather it as UTF-16LE.
        scratch.removeAll(keepingCapacity: true)
        var remaining = count
        var highByte = highByte
        while remaining > 0 {
            let segmentEnd = segments[segmentIndex].upperBound
            if position >= segmentEnd {
                highByte = try u8() & 0x01 != 0  // the continuation's own option byte
                continue
            }
            let width = highByte ? 2 : 1
            let take = min(remaining, (segmentEnd - position) / width)
            guard take > 0 else { throw XLSReadError("文本在记录边界处被截断") }
            if highByte {
                bytes.append(position..<(position + 2 * take), to: &scratch)
            } else {
                for byte in bytes[position..<(position + take)] { scratch.append(byte); scratch.append(0) }
            }
            position += take * width
            remaining -= take
        }
        return Self.decode(scratch, from: 0, count: count, highByte: true)
    }

    /// Transcodes `count` characters at `offset` — UTF-16LE, or Latin-1 when compressed — to a
    /// String directly: `String(decoding:as: UTF16.self)` takes a slow generic path that
    /// dominated the reader's profile. Unpaired surrogates become U+FFFD, so the UTF-8 written
    /// here is valid by construction and the String is made without validating it again.
    static func decode(_ bytes: [UInt8], from offset: Int, count: Int, highByte: Bool) -> String {
        bytes.withUnsafeBytes { decode($0, from: offset, count: count, highByte: highByte) }
    }

    static func decode(_ bytes: ByteView, from offset: Int, count: Int, highByte: Bool) -> String {
        bytes.withUnsafeBytes { decode($0, from: offset, count: count, highByte: highByte) }
    }

    private static func decode(_ all: UnsafeRawBufferPointer, from offset: Int, count: Int, highByte: Bool) -> String {
        let length = count * (highByte ? 2 : 1)
        // Callers stay in range; checked again because the pointer code below is not.
        guard count > 0, offset >= 0, offset + length <= all.count else { return "" }
        let source = UnsafeRawBufferPointer(rebasing: all[offset..<(offset + length)])
        // At most 3 UTF-8 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count * 3) { target in
            guard let out = target.baseAddress else { return "" }
            let (written, isASCII) = highByte
                ? transcodeUTF16(source, count: count, into: out)
                : transcodeLatin1(source, into: out)
            return String(validUTF8: UnsafeBufferPointer(start: out, count: written), isASCII: isASCII)
        }
    }

    /// Latin-1 to UTF-8; returns the bytes written and whether all were ASCII.
    private static func transcodeLatin1(_ source: UnsafeRawBufferPointer,
                                        into start: UnsafeMutablePointer<UInt8>) -> (Int, Bool) {
        var out = start
        var combined: UInt8 = 0
        for byte in source {
            combined |= byte
            if byte < 0x80 {
                out[0] = byte
                out += 1
            } else {
                out[0] = 0xC0 | byte >> 6
                out[1] = 0x80 | byte & 0x3F
                out += 2
            }
        }
        return (out - start, combined < 0x80)
    }

    /// UTF-16LE to UTF-8, a lone surrogate becoming U+FFFD; returns the bytes written and
    /// whether all were ASCII.
    private static func transcodeUTF16(_ source: UnsafeRawBufferPointer, count: Int,
                                       into start: UnsafeMutablePointer<UInt8>) -> (Int, Bool) {
        func codeUnit(_ index: Int) -> UInt32 {
            UInt32(UInt16(littleEndian: source.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self)))
        }
        var out = start
        var combined: UInt32 = 0
        var index = 0
        while index < count {
            let unit = codeUnit(index)
            combined |= unit
            index += 1
            if unit < 0x80 {
                out[0] = UInt8(unit)
                out += 1
            } else if unit < 0x800 {
                out[0] = UInt8(0xC0 | unit >> 6)
                out[1] = UInt8(0x80 | unit & 0x3F)
                out += 2
            } else if unit & 0xF800 != 0xD800 {
                out[0] = UInt8(0xE0 | unit >> 12)
                out[1] = UInt8(0x80 | unit >> 6 & 0x3F)
                out[2] = UInt8(0x80 | unit & 0x3F)
                out += 3
            } else {
                let next = index < count ? codeUnit(index) : 0
                guard unit < 0xDC00, next & 0xFC00 == 0xDC00 else {
                    (out[0], out[1], out[2]) = (0xEF, 0xBF, 0xBD)  // U+FFFD for a lone surrogate
                    out += 3
                    continue
                }
                index += 1
                let scalar = 0x10000 + (unit - 0xD800) << 10 + (next - 0xDC00)
                out[0] = UInt8(0xF0 | scalar >> 18)
                out[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                out[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                out[3] = UInt8(0x80 | scalar & 0x3F)
                out += 4
            }
        }
        return (out - start, combined < 0x80)
    }

    private mutating func moveToDataIfNeeded() throws(XLSReadError) {
        while position >= segments[segmentIndex].upperBound { try nextSegment() }
    }

    private mutating func nextSegment() throws(XLSReadError) {
        guard segmentIndex + 1 < segments.count else { throw XLSReadError("记录内容不完整（缺少后续的 CONTINUE 记录）") }
        segmentIndex += 1
        position = segments[segmentIndex].lowerBound
    }
}
