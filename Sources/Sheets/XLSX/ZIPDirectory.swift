import Foundation

/// One file of a ZIP archive, as the central directory describes it.
struct ZIPEntry: Equatable {
    enum Method: Equatable {
        case stored, deflated
        case other(Int)
    }

    let path: String
    let method: Method
    let isEncrypted: Bool
    let compressedSize: Int
    let uncompressedSize: Int
    let localHeaderOffset: Int

    var isDirectory: Bool { path.hasSuffix("/") }
}

/// Why a ZIP archive or one of its entries could not be read; `description` is the message a
/// user reads, inside `SheetsError.corruptArchive`.
enum ZIPError: Error, Equatable, CustomStringConvertible {
    case noDirectory
    case truncated(String)
    case encrypted(String)
    case unsupportedMethod(String, Int)
    case corruptStream(String)

    var description: String {
        switch self {
        case .noDirectory: "找不到 ZIP 目录，文件可能被截断或不是完整的 XLSX 文件"
        case .truncated(let path): "部件 \(path) 的数据不完整，文件可能被截断"
        case .encrypted(let path): "部件 \(path) 已加密"
        case .unsupportedMethod(let path, let method): "部件 \(path) 使用了不支持的压缩方式（\(method)）"
        case .corruptStream(let path): "部件 \(path) 的压缩数据已损坏"
        }
    }
}

/// Reads the central directory of a ZIP archive from its bytes: the end record (ZIP64 too),
/// then one header per entry. Every offset and size is checked against the bytes, so a damaged
/// or hostile archive gives an error, never a read out of range.
enum ZIPDirectory {
    private static let endSignature = 0x0605_4b50
    private static let zip64LocatorSignature = 0x0706_4b50
    private static let zip64EndSignature = 0x0606_4b50
    private static let entrySignature = 0x0201_4b50
    private static let localSignature = 0x0403_4b50
    /// A 32-bit field holding this means "see the ZIP64 extra field".
    private static let zip64Marker = 0xFFFF_FFFF

    static func entries(in bytes: ByteView) throws(ZIPError) -> [ZIPEntry] {
        let end = try findEnd(in: bytes)
        var (count, size, offset) = (bytes.u16(at: end + 10), bytes.u32(at: end + 12), bytes.u32(at: end + 16))
        let locator = end - 20
        if locator >= 0, bytes.u32(at: locator) == zip64LocatorSignature {
            let zip64End = try int(bytes.u64(at: locator + 8))
            guard zip64End >= 0, zip64End <= bytes.count - 56, bytes.u32(at: zip64End) == zip64EndSignature else {
                throw .noDirectory
            }
            (count, size, offset) = try (int(bytes.u64(at: zip64End + 32)), int(bytes.u64(at: zip64End + 40)),
                                         int(bytes.u64(at: zip64End + 48)))
        }
        guard offset <= bytes.count, size <= bytes.count - offset else { throw .noDirectory }
        var entries: [ZIPEntry] = []
        var position = offset
        // Each header takes at least 46 bytes, so a lying count cannot loop past the directory.
        while entries.count < count {
            let entry = try self.entry(at: &position, in: bytes, directoryEnd: offset + size)
            entries.append(entry)
        }
        return entries
    }

    /// Where the entry's data starts: after its local header, whose name and extra field may
    /// differ in length from the central directory's copy.
    static func dataRange(of entry: ZIPEntry, in bytes: ByteView) throws(ZIPError) -> Range<Int> {
        let header = entry.localHeaderOffset
        guard header <= bytes.count - 30, bytes.u32(at: header) == localSignature else { throw .truncated(entry.path) }
        let start = header + 30 + bytes.u16(at: header + 26) + bytes.u16(at: header + 28)
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else { throw .truncated(entry.path) }
        return start..<(start + entry.compressedSize)
    }

    /// The end-of-central-directory record: in the last 22 bytes, or before a comment of up to 64 KiB.
    private static func findEnd(in bytes: ByteView) throws(ZIPError) -> Int {
        guard bytes.count >= 22 else { throw .noDirectory }
        var candidate = bytes.count - 22
        let lowest = max(0, candidate - 0xFFFF)
        while candidate >= lowest {
            if bytes.u32(at: candidate) == endSignature { return candidate }
            candidate -= 1
        }
        throw .noDirectory
    }

    private static func entry(at position: inout Int, in bytes: ByteView, directoryEnd: Int) throws(ZIPError) -> ZIPEntry {
        let start = position
        guard start <= directoryEnd - 46, bytes.u32(at: start) == entrySignature else { throw .noDirectory }
        let nameLength = bytes.u16(at: start + 28), extraLength = bytes.u16(at: start + 30)
        let commentLength = bytes.u16(at: start + 32)
        let nameStart = start + 46, extraStart = nameStart + nameLength
        position = extraStart + extraLength + commentLength
        guard position <= directoryEnd else { throw .noDirectory }
        var name: [UInt8] = []
        bytes.append(nameStart..<extraStart, to: &name)
        let path = String(decoding: name, as: UTF8.self)

        var sizes = [bytes.u32(at: start + 24), bytes.u32(at: start + 20), bytes.u32(at: start + 42)]
        if sizes.contains(zip64Marker) {
            try readZIP64(into: &sizes, extra: extraStart..<(extraStart + extraLength), in: bytes)
        }
        let flags = bytes.u16(at: start + 8)
        let method: ZIPEntry.Method = switch bytes.u16(at: start + 10) {
        case 0: .stored
        case 8: .deflated
        case let other: .other(other)
        }
        return ZIPEntry(path: path, method: method, isEncrypted: flags & 1 != 0, compressedSize: sizes[1],
                        uncompressedSize: sizes[0], localHeaderOffset: sizes[2])
    }

    /// The ZIP64 extra field (id 1) holds, in this order, the uncompressed size, the compressed
    /// size and the header offset — only those whose 32-bit field is the marker.
    private static func readZIP64(into sizes: inout [Int], extra: Range<Int>, in bytes: ByteView) throws(ZIPError) {
        var field = extra.lowerBound
        while field + 4 <= extra.upperBound {
            let id = bytes.u16(at: field), length = bytes.u16(at: field + 2)
            let body = field + 4
            guard body + length <= extra.upperBound else { break }
            if id == 1 {
                var value = body
                for index in sizes.indices where sizes[index] == zip64Marker {
                    guard value + 8 <= body + length else { throw .noDirectory }
                    sizes[index] = try int(bytes.u64(at: value))
                    value += 8
                }
                return
            }
            field = body + length
        }
    }

    private static func int(_ value: UInt64) throws(ZIPError) -> Int {
        guard let value = Int(exactly: value) else { throw .noDirectory }
        return value
    }
}

extension RandomAccessCollection where Element == UInt8, Index == Int {
    @inline(__always) func u64(at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(self[offset + index]) }
        return value
    }
}
