import Foundation

/// A ZIP archive written byte by byte, independent of ZIPFoundation, so tests can give the
/// reader what no library writes: deflate streams that never end, ZIP64 records, odd methods.
struct HandmadeZIP {
    struct Entry {
        var path: String
        /// ZIP method: 0 stored, 8 deflated.
        var method: Int
        /// The entry's data as stored (for method 8, raw deflate blocks).
        var data: [UInt8]
        var uncompressedSize: Int
    }

    var entries: [Entry] = []
    /// Writes sizes and offsets as ZIP64 (extra fields, a ZIP64 end record and its locator).
    var zip64 = false

    /// `text` as one stored deflate block; `final: false` leaves the stream without an end.
    static func storedBlock(_ text: String, final: Bool = true) -> [UInt8] {
        let bytes = Array(text.utf8)
        let length = UInt16(bytes.count)
        return [final ? 1 : 0] + le(length) + le(~length) + bytes
    }

    mutating func add(_ path: String, text: String, method: Int = 8, finalBlock: Bool = true) {
        let data = method == 8 ? Self.storedBlock(text, final: finalBlock) : Array(text.utf8)
        entries.append(Entry(path: path, method: method, data: data, uncompressedSize: text.utf8.count))
    }

    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        var offsets: [Int] = []
        for entry in entries {
            offsets.append(out.count)
            let name = Array(entry.path.utf8)
            out += Self.le(UInt32(0x0403_4b50)) + Self.le(UInt16(zip64 ? 45 : 20)) + Self.le(UInt16(0))
            out += Self.le(UInt16(entry.method)) + Self.le(UInt32(0)) + Self.le(UInt32(0))
            out += Self.le(UInt32(entry.data.count)) + Self.le(UInt32(entry.uncompressedSize))
            out += Self.le(UInt16(name.count)) + Self.le(UInt16(0)) + name + entry.data
        }
        let directoryStart = out.count
        for (entry, offset) in zip(entries, offsets) {
            let name = Array(entry.path.utf8)
            let extra: [UInt8] = zip64
                ? Self.le(UInt16(1)) + Self.le(UInt16(24)) + Self.le(UInt64(entry.uncompressedSize))
                    + Self.le(UInt64(entry.data.count)) + Self.le(UInt64(offset))
                : []
            let marker = UInt32.max
            out += Self.le(UInt32(0x0201_4b50)) + Self.le(UInt16(45)) + Self.le(UInt16(zip64 ? 45 : 20))
            out += Self.le(UInt16(0)) + Self.le(UInt16(entry.method)) + Self.le(UInt32(0)) + Self.le(UInt32(0))
            out += Self.le(zip64 ? marker : UInt32(entry.data.count)) + Self.le(zip64 ? marker : UInt32(entry.uncompressedSize))
            out += Self.le(UInt16(name.count)) + Self.le(UInt16(extra.count)) + Self.le(UInt16(0))
            out += Self.le(UInt16(0)) + Self.le(UInt16(0)) + Self.le(UInt32(0))
            out += Self.le(zip64 ? marker : UInt32(offset)) + name + extra
        }
        let directorySize = out.count - directoryStart
        if zip64 {
            let zip64End = out.count
            out += Self.le(UInt32(0x0606_4b50)) + Self.le(UInt64(44)) + Self.le(UInt16(45)) + Self.le(UInt16(45))
            out += Self.le(UInt32(0)) + Self.le(UInt32(0)) + Self.le(UInt64(entries.count)) + Self.le(UInt64(entries.count))
            out += Self.le(UInt64(directorySize)) + Self.le(UInt64(directoryStart))
            out += Self.le(UInt32(0x0706_4b50)) + Self.le(UInt32(0)) + Self.le(UInt64(zip64End)) + Self.le(UInt32(1))
        }
        out += Self.le(UInt32(0x0605_4b50)) + Self.le(UInt16(0)) + Self.le(UInt16(0))
        out += Self.le(zip64 ? UInt16.max : UInt16(entries.count)) + Self.le(zip64 ? UInt16.max : UInt16(entries.count))
        out += Self.le(zip64 ? UInt32.max : UInt32(directorySize)) + Self.le(zip64 ? UInt32.max : UInt32(directoryStart))
        out += Self.le(UInt16(0))
        return out
    }

    static func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}
