import CLibZ
import Concurrency
import Foundation

/// Writes a ZIP package of deflated entries, each entry's data deflated a megabyte at a time on
/// all cores, as pigz does: every chunk is its own raw deflate stream ending on a byte boundary
/// (`Z_SYNC_FLUSH`), the last one finishing it (`Z_FINISH`), so the chunks joined are one valid
/// stream; the chunks' CRC-32s are joined by `crc32_combine`. ZIPFoundation deflated and summed
/// on one core, half of writing a large check report. The chunks are fixed by position, so
/// equal parts give equal bytes whatever the scheduling.
///
/// No ZIP64: an entry that would take the package past 4 GiB throws `TooLarge` before anything
/// of it is written (the caller takes ZIPFoundation then).
///
/// ```swift
/// let zip = try ZIPPackageWriter(creating: temporary)
/// try zip.add("xl/workbook.xml", size: data.count) { position, count in data.subdata(in: …) }
/// try zip.finish()
/// ```
final class ZIPPackageWriter {
    private struct Entry {
        var name: [UInt8]
        var offset: UInt32
        var crc: UInt32
        var compressedSize: UInt32
        var size: UInt32
    }

    private let handle: FileHandle
    private var entries: [Entry] = []
    private var offset: UInt64 = 0
    private let level: Int32
    private let largeLevel: Int32
    /// The largest offset an entry may end at: 4 GiB (tests pass less).
    private let limit: UInt64

    /// Input bytes per chunk, and chunks deflated at a time (what is held in memory at once).
    static let chunkSize = 1 << 20, chunksAtATime = 8

    /// An entry would take the package past what a ZIP without ZIP64 holds.
    struct TooLarge: Error {}

    /// Entries of at least this many bytes are deflated at `largeLevel`.
    static let largeSize = 8 << 20

    /// - Parameters:
    ///   - level: zlib's compression level (6, its default, as ZIPFoundation used).
    ///   - largeLevel: the level of entries of `largeSize` or more. A large report's sheet XML
    ///     (365 MB for a 200,000-item check) deflated at 6 was a third of the check's CPU; at 2
    ///     it takes a fifth of the time and comes out an eighth larger.
    init(creating url: URL, level: Int32 = 6, largeLevel: Int32 = 2, limit: UInt64 = UInt64(UInt32.max)) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        self.level = level
        self.largeLevel = largeLevel
        self.limit = limit
    }

    deinit {
        try? handle.close()
    }

    /// One entry of `size` bytes, read from `provider` (position, count) a batch of chunks at a time.
    func add(_ path: String, size: Int, provider: (Int64, Int) throws -> Data) throws {
        let name = Array(path.utf8)
        let start = offset
        // Deflate may grow incompressible data a little (5 bytes a 16 KB block), and each chunk
        // ends with a 5-byte flush: a thousandth and a kilobyte a chunk to spare.
        let largest = UInt64(size + size / 1_000) + UInt64(size / Self.chunkSize + 1) * 1_024 + 1_024
        guard start + largest < limit, entries.count < Int(UInt16.max) else { throw TooLarge() }
        try write(Self.localHeader(name: name, crc: 0, compressedSize: 0, size: 0))
        var crc = crc32(0, nil, 0)
        var compressed = 0
        var position = 0
        repeat {
            let batch = min(size - position, Self.chunkSize * Self.chunksAtATime)
            let input = try provider(Int64(position), batch)
            guard input.count == batch else { throw CocoaError(.fileReadCorruptFile) }
            let last = position + batch == size
            for chunk in try Self.deflated(input, level: size >= Self.largeSize ? largeLevel : level, finishing: last) {
                try write(chunk.bytes)
                compressed += chunk.bytes.count
                crc = crc32_combine(crc, chunk.crc, chunk.count)
            }
            position += batch
        } while position < size
        let entry = Entry(name: name, offset: UInt32(start), crc: UInt32(crc), compressedSize: UInt32(compressed),
                          size: UInt32(size))
        // The sizes and CRC go into the local header once known.
        try handle.seek(toOffset: start)
        try handle.write(contentsOf: Self.localHeader(name: name, crc: entry.crc, compressedSize: entry.compressedSize,
                                                      size: entry.size))
        try handle.seek(toOffset: offset)
        entries.append(entry)
    }

    /// The central directory and its end record.
    func finish() throws {
        let directoryStart = offset
        for entry in entries { try write(Self.directoryHeader(entry)) }
        var end = ZIPBytes()
        end.append32(0x0605_4B50)
        end.append16(0)   // this disk
        end.append16(0)   // the directory's disk
        end.append16(UInt16(entries.count))
        end.append16(UInt16(entries.count))
        end.append32(UInt32(offset - directoryStart))
        end.append32(UInt32(directoryStart))
        end.append16(0)   // comment length
        try write(end.bytes)
        try handle.close()
    }

    private func write(_ bytes: [UInt8]) throws {
        try handle.write(contentsOf: bytes)
        offset += UInt64(bytes.count)
    }

    /// `input` deflated in chunks of `chunkSize` on all cores, in order, each with its CRC-32 and
    /// length; the last chunk finishes the stream when `finishing`.
    private static func deflated(_ input: Data, level: Int32, finishing: Bool) throws
        -> [(bytes: [UInt8], crc: uLong, count: Int)] {
        let count = max(1, (input.count + chunkSize - 1) / chunkSize)
        let results = input.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            // Read only, and only while `withUnsafeBytes` runs: `Concurrent.map` returns first.
            nonisolated(unsafe) let all = input
            return Concurrent.map(count) { chunk -> (bytes: [UInt8], crc: uLong, count: Int)? in
                let range = chunk * chunkSize..<min(all.count, (chunk + 1) * chunkSize)
                let bytes = UnsafeRawBufferPointer(rebasing: all[range])
                let crc = bytes.withMemoryRebound(to: Bytef.self) { crc32(0, $0.baseAddress, uInt($0.count)) }
                let flush = finishing && chunk == count - 1 ? Z_FINISH : Z_SYNC_FLUSH
                return deflate(bytes, level: level, flush: flush).map { ($0, crc, range.count) }
            }
        }
        return try results.map { result in
            guard let result else { throw CocoaError(.fileWriteUnknown) }
            return result
        }
    }

    /// One raw deflate stream of `bytes`, ended by `flush`; nil when zlib fails.
    private static func deflate(_ bytes: UnsafeRawBufferPointer, level: Int32, flush: Int32) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
        let produced: Int? = output.withUnsafeMutableBytes { out in
            stream.next_in = UnsafeMutablePointer(mutating: bytes.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(bytes.count)
            stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
            stream.avail_out = uInt(out.count)
            let status = CLibZ.deflate(&stream, flush)
            // All input taken and, for a flush, room left: nothing is pending inside zlib.
            guard status == (flush == Z_FINISH ? Z_STREAM_END : Z_OK), stream.avail_in == 0, stream.avail_out > 0
            else { return nil }
            return out.count - Int(stream.avail_out)
        }
        guard let produced else { return nil }
        output.removeSubrange(produced...)
        return output
    }

    /// 1980-01-01 00:00, the date every entry carries (equal sheets give equal bytes).
    private static let time: UInt16 = 0, date: UInt16 = (1 << 5) | 1

    private static func localHeader(name: [UInt8], crc: UInt32, compressedSize: UInt32, size: UInt32) -> [UInt8] {
        var header = ZIPBytes()
        header.append32(0x0403_4B50)
        header.append16(20)   // version needed: deflate
        header.append16(0)    // flags
        header.append16(8)    // deflated
        header.append16(time)
        header.append16(date)
        header.append32(crc)
        header.append32(compressedSize)
        header.append32(size)
        header.append16(UInt16(name.count))
        header.append16(0)    // extra field length
        header.bytes += name
        return header.bytes
    }

    private static func directoryHeader(_ entry: Entry) -> [UInt8] {
        var header = ZIPBytes()
        header.append32(0x0201_4B50)
        header.append16(0x031E)   // made by: UNIX, ZIP 3.0
        header.append16(20)
        header.append16(0)
        header.append16(8)
        header.append16(time)
        header.append16(date)
        header.append32(entry.crc)
        header.append32(entry.compressedSize)
        header.append32(entry.size)
        header.append16(UInt16(entry.name.count))
        header.append16(0)   // extra field length
        header.append16(0)   // comment length
        header.append16(0)   // disk
        header.append16(0)   // internal attributes
        header.append32(0o100644 << 16)   // external attributes: a regular file, rw-r--r--
        header.append32(entry.offset)
        header.bytes += entry.name
        return header.bytes
    }
}

/// Little-endian fields of a ZIP header.
private struct ZIPBytes {
    var bytes: [UInt8] = []

    mutating func append16(_ value: UInt16) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
