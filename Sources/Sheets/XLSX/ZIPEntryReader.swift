import CLibZ
import Foundation

/// Streams one entry of a mapped ZIP archive, a chunk at a time: stored entries as they are,
/// deflated ones through zlib.
///
/// Why not ZIPFoundation's `extract`: on Linux (0.9.20, the version available) it inflates
/// until the deflate stream says it has ended, reading past the entry; at the end of the file
/// its reads come back empty and it loops forever — a damaged file hung the importer. Here the
/// input never passes the entry's compressed size, so a stream that does not end is an error.
enum ZIPEntryReader {
    static func read(_ entry: ZIPEntry, in bytes: ByteView, chunkSize: Int,
                     into body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !entry.isEncrypted else { throw ZIPError.encrypted(entry.path) }
        let range = try ZIPDirectory.dataRange(of: entry, in: bytes)
        try bytes.withUnsafeBytes { archive in
            let data = UnsafeRawBufferPointer(rebasing: archive[range])
            switch entry.method {
            case .stored:
                var start = 0
                while start < data.count {
                    let end = min(start + chunkSize, data.count)
                    try body(UnsafeRawBufferPointer(rebasing: data[start..<end]))
                    start = end
                }
            case .deflated:
                try inflate(data, path: entry.path, chunkSize: chunkSize, into: body)
            case .other(let method):
                throw ZIPError.unsupportedMethod(entry.path, method)
            }
        }
    }

    /// Raw deflate (no zlib header), as ZIP stores it.
    private static func inflate(_ input: UnsafeRawBufferPointer, path: String, chunkSize: Int,
                                into body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZIPError.corruptStream(path)
        }
        defer { inflateEnd(&stream) }
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { output.deallocate() }
        var consumed = 0
        while true {
            if stream.avail_in == 0 {
                // The whole entry went in and the stream has not ended: cut short.
                guard consumed < input.count else { throw ZIPError.truncated(path) }
                let count = min(input.count - consumed, 1 << 30)
                stream.next_in = UnsafeMutablePointer(mutating: (input.baseAddress! + consumed).assumingMemoryBound(to: Bytef.self))
                stream.avail_in = UInt32(count)
                consumed += count
            }
            stream.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = UInt32(chunkSize)
            let status = CLibZ.inflate(&stream, Z_NO_FLUSH)
            let produced = chunkSize - Int(stream.avail_out)
            if produced > 0 { try body(UnsafeRawBufferPointer(rebasing: output[0..<produced])) }
            switch status {
            case Z_STREAM_END: return
            case Z_OK: continue
            // No progress possible without more input: fetch it (or find the entry exhausted).
            case Z_BUF_ERROR where stream.avail_in == 0: continue
            default: throw ZIPError.corruptStream(path)
            }
        }
    }
}
