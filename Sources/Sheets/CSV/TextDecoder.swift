import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text of a file as UTF-8 bytes, with the encoding it was found in.
struct DecodedText {
    /// UTF-8 bytes without any byte-order mark.
    var utf8: Data
    var encoding: TextEncoding
}

/// Turns the bytes of a text file into UTF-8, detecting the encoding unless one is forced.
///
/// Detection: a byte-order mark decides (UTF-8, UTF-16 LE/BE); NULs at every other byte mean
/// UTF-16 without one; otherwise valid UTF-8 is UTF-8, and anything else is tried as GB18030
/// (a superset of GBK and GB2312). Bytes that fit no
/// encoding are an error naming the line and byte offset: characters are never dropped
/// or replaced. Binary content (NUL or many control bytes outside UTF-16) is not text at all.
enum TextDecoder {
    static func decode(_ bytes: Data, forcedEncoding forced: TextEncoding?, file: String) throws(SheetsError) -> DecodedText {
        let bom = ByteOrderMark(prefixOf: bytes)
        let encoding: TextEncoding
        if let forced {
            // "utf-16" names either byte order; a UTF-16 byte-order mark settles which one.
            if forced.isUTF16, let bomEncoding = bom?.encoding, bomEncoding.isUTF16 {
                encoding = bomEncoding
            } else {
                encoding = forced
            }
        } else {
            encoding = bom?.encoding ?? guessUTF16WithoutByteOrderMark(bytes) ?? .utf8
        }
        let skip = bom?.encoding == encoding ? bom?.length ?? 0 : 0
        let body = bytes.dropFirst(skip)
        let isUTF16Guess = forced == nil && bom == nil && encoding.isUTF16

        if !encoding.isUTF16, looksBinary(body) {
            throw SheetsError(file: file, reason: .unrecognizedFormat)
        }
        switch encoding {
        case .utf8:
            if let failure = UTF8Validator.firstInvalidByte(in: body) {
                // Explicit UTF-8 (forced or BOM) is reported as such; a guess falls back to GB18030.
                if forced != nil || bom != nil {
                    throw failure.error(encoding: .utf8, byteOffsetBias: skip, file: file)
                }
                return try decodeGuessingGB18030(body, utf8Failure: failure, file: file)
            }
            return DecodedText(utf8: body, encoding: .utf8)
        case .utf16LE, .utf16BE, .gb18030:
            switch IconvConverter.convert(body, from: encoding) {
            case .success(let utf8):
                return DecodedText(utf8: utf8, encoding: encoding)
            case .failure(let failure):
                // A guess that does not decode was binary data with a lucky pattern of NULs.
                if isUTF16Guess { throw SheetsError(file: file, reason: .unrecognizedFormat) }
                throw failure.error(encoding: encoding, byteOffsetBias: skip, file: file)
            }
        }
    }

    /// The bytes are not valid UTF-8: try GB18030. If that fails too, report the encoding
    /// that got further into the file, since it is the likelier one.
    private static func decodeGuessingGB18030(_ body: Data, utf8Failure: DecodingFailure, file: String) throws(SheetsError) -> DecodedText {
        switch IconvConverter.convert(body, from: .gb18030) {
        case .success(let utf8):
            return DecodedText(utf8: utf8, encoding: .gb18030)
        case .failure(let gbFailure):
            if gbFailure.byteOffset > utf8Failure.byteOffset {
                throw gbFailure.error(encoding: .gb18030, file: file)
            }
            throw utf8Failure.error(encoding: .utf8, file: file)
        }
    }

    /// UTF-16 without a byte-order mark, recognised by its NULs: each ASCII character
    /// (digits, separators, line breaks) has one, always at the same parity of offset.
    /// Binary data has NULs at both parities. Needs at least 8 such NULs, 1 in 100 pairs, and
    /// 8 times as many as at the other parity (CJK characters such as 一 U+4E00 have a NUL too).
    static func guessUTF16WithoutByteOrderMark(_ bytes: Data) -> TextEncoding? {
        guard bytes.count % 2 == 0 else { return nil }
        var nulsAtEven = 0, nulsAtOdd = 0
        for (offset, byte) in bytes.prefix(65_536).enumerated() where byte == 0 {
            if offset % 2 == 0 { nulsAtEven += 1 } else { nulsAtOdd += 1 }
        }
        let pairs = min(bytes.count, 65_536) / 2
        func dominates(_ count: Int, over other: Int) -> Bool {
            count >= 8 && count * 100 >= pairs && other * 8 <= count
        }
        if dominates(nulsAtOdd, over: nulsAtEven) { return .utf16LE }
        if dominates(nulsAtEven, over: nulsAtOdd) { return .utf16BE }
        return nil
    }

    /// NUL bytes, or more than 5% control bytes in the first 64 KiB: not a text file.
    /// (Tab, line feed, form feed, carriage return and escape occur in real text.)
    static func looksBinary(_ bytes: Data) -> Bool {
        let hasNUL = bytes.withUnsafeBytes { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        if hasNUL { return true }
        let sample = bytes.prefix(65_536)
        let controls = sample.reduce(0) { count, byte in
            byte < 0x20 && ![0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B].contains(byte) ? count + 1 : count
        }
        return controls * 20 > sample.count
    }
}

extension TextEncoding {
    /// The name shown to users and passed to iconv.
    var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .gb18030: "GB18030"
        }
    }

    var isUTF16: Bool { self == .utf16LE || self == .utf16BE }
}

/// A byte-order mark at the start of a file.
struct ByteOrderMark {
    var encoding: TextEncoding
    var length: Int

    init?(prefixOf bytes: Data) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            (encoding, length) = (.utf8, 3)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            (encoding, length) = (.utf16LE, 2)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            (encoding, length) = (.utf16BE, 2)
        } else {
            return nil
        }
    }
}

/// Where decoding stopped: the 1-based line (counted in the text decoded so far) and the
/// offset of the first bad byte, counted from the start of the decoded body.
struct DecodingFailure: Error {
    var line: Int
    var byteOffset: Int

    /// `byteOffsetBias` adds the length of a skipped byte-order mark so the offset counts
    /// from the start of the file, as a hex editor shows it.
    func error(encoding: TextEncoding, byteOffsetBias: Int = 0, file: String) -> SheetsError {
        SheetsError(file: file, reason: .undecodableText(encoding: encoding.displayName, line: line,
                                                         byteOffset: byteOffset + byteOffsetBias))
    }
}

/// Line breaks in UTF-8 text: LF, CRLF or a lone CR each end one line.
enum LineCounter {
    /// The 1-based line on which `end` falls.
    static func line(at end: Int, in utf8: UnsafeRawBufferPointer) -> Int {
        var line = 1
        var index = 0
        let end = min(end, utf8.count)
        while index < end {
            let byte = utf8[index]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D, index + 1 >= utf8.count || utf8[index + 1] != 0x0A {
                line += 1
            }
            index += 1
        }
        return line
    }
}

/// Checks UTF-8 well-formedness (no overlongs, surrogates or values past U+10FFFF).
///
/// Runs of ASCII are skipped eight bytes at a time and the three-byte sequences Chinese text
/// is made of are checked in one test each: byte by byte, validating was a fifth of reading a
/// file for a file-to-file diff.
enum UTF8Validator {
    static func firstInvalidByte(in bytes: Data) -> DecodingFailure? {
        bytes.withUnsafeBytes { buffer in
            guard let offset = firstInvalidOffset(in: buffer) else { return nil }
            return DecodingFailure(line: LineCounter.line(at: offset, in: buffer), byteOffset: offset)
        }
    }

    static func firstInvalidOffset(in buffer: UnsafeRawBufferPointer) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let count = buffer.count
        var index = 0
        while index < count {
            let lead = base.load(fromByteOffset: index, as: UInt8.self)
            if lead < 0x80 {
                index += 1
                while index + 8 <= count,
                      base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                continue
            }
            // U+1000–U+CFFF and U+E000–U+FFFF: any two continuation bytes will do.
            if lead >= 0xE1, lead <= 0xEF, lead != 0xED, index + 3 <= count,
               base.loadUnaligned(fromByteOffset: index + 1, as: UInt16.self) & 0xC0C0 == 0x8080 {
                index += 3
                continue
            }
            guard let length = sequenceLength(base, at: index, count: count) else { return index }
            index += length
        }
        return nil
    }

    /// The length of the well-formed sequence at `index`, nil if it is not one. The allowed
    /// range of the second byte depends on the lead (Unicode Table 3-7).
    private static func sequenceLength(_ base: UnsafeRawPointer, at index: Int, count: Int) -> Int? {
        let length: Int
        var secondLow: UInt8 = 0x80, secondHigh: UInt8 = 0xBF
        switch base.load(fromByteOffset: index, as: UInt8.self) {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: return nil
        }
        guard index + length <= count else { return nil }
        let second = base.load(fromByteOffset: index + 1, as: UInt8.self)
        guard second >= secondLow, second <= secondHigh else { return nil }
        for next in index + 2 ..< index + length where base.load(fromByteOffset: next, as: UInt8.self) & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}

/// Converts to UTF-8 with glibc's iconv, which knows GB18030 (Foundation on Linux may not).
enum IconvConverter {
    static func convert(_ input: Data, from encoding: TextEncoding) -> Result<Data, DecodingFailure> {
        let descriptor = iconv_open("UTF-8", encoding.displayName)
        guard let descriptor, descriptor != UnsafeMutableRawPointer(bitPattern: -1) else {
            // The converter is missing (no gconv modules): nothing could be decoded.
            return .failure(DecodingFailure(line: 1, byteOffset: 0))
        }
        defer { iconv_close(descriptor) }

        // GB18030 and UTF-16 never grow by more than half when re-encoded as UTF-8,
        // so one call converts everything and E2BIG cannot occur.
        var output = Data(count: input.count + input.count / 2 + 16)
        var written = 0
        var consumed = 0
        var failed = false
        input.withUnsafeBytes { (inputBuffer: UnsafeRawBufferPointer) in
            output.withUnsafeMutableBytes { (outputBuffer: UnsafeMutableRawBufferPointer) in
                guard let inputBase = inputBuffer.baseAddress, let outputBase = outputBuffer.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: inputBase.assumingMemoryBound(to: CChar.self))
                var inLeft = inputBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outputBase.assumingMemoryBound(to: CChar.self)
                var outLeft = outputBuffer.count
                // Invalid (EILSEQ) and truncated (EINVAL) sequences both stop the conversion.
                failed = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == -1
                consumed = inputBuffer.count - inLeft
                written = outputBuffer.count - outLeft
            }
        }
        if failed {
            let line = output.withUnsafeBytes { LineCounter.line(at: written, in: $0) }
            return .failure(DecodingFailure(line: line, byteOffset: consumed))
        }
        output.count = written
        return .success(output)
    }
}
