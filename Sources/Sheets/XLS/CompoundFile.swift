/// An OLE2 compound file (MS-CFB): a small FAT file system inside one file, holding named
/// streams such as `Workbook`. Only reading is supported.
///
/// Every sector number and size comes from the file, so each is checked against the file's
/// real length, and every chain walk is bounded by the size of its allocation table: a
/// damaged file yields an `XLSReadError`, never a crash or an endless loop.
struct CompoundFile {
    /// A directory entry that names a stream (storages and the root are not listed).
    struct Stream {
        var name: String
        var startSector: Int
        var size: Int
    }

    /// A stream's bytes: a window on the file's bytes, or a copy when its sectors are scattered.
    struct Bytes {
        var storage: ByteView
        var range: Range<Int>

        var count: Int { range.count }
        var array: [UInt8] { Array(storage[range]) }
    }

    /// Every stream in the directory. The directory is a red-black tree; scanning the flat
    /// entry array finds the same streams without trusting the tree links.
    let streams: [Stream]

    private let bytes: ByteView
    private let sectorSize: Int
    /// Sectors that start inside the file; the last one may be cut short.
    private let sectorCount: Int
    /// Next-sector table of the file's sectors.
    private let fat: [Int]
    private let miniStreamStart: Int
    private let miniStreamSize: Int
    private let miniFATStart: Int
    private let miniStreamCutoff: Int

    private static let endOfChain = 0xFFFF_FFFE
    private static let freeSector = 0xFFFF_FFFF
    private static let miniSectorSize = 64
    private static let headerDIFATCount = 109

    init(bytes: [UInt8]) throws(XLSReadError) {
        try self.init(bytes: ByteView(bytes))
    }

    init(bytes: ByteView) throws(XLSReadError) {
        guard bytes.count >= 512, bytes.starts(with: SpreadsheetFormat.ole2Signature) else {
            throw XLSReadError("复合文档文件头不完整")
        }
        let sectorShift = bytes.u16(at: 0x1E)
        guard sectorShift == 9 || sectorShift == 12 else {
            throw XLSReadError("复合文档的扇区大小无效（2^\(sectorShift) 字节）")
        }
        guard bytes.u16(at: 0x20) == 6 else { throw XLSReadError("复合文档的小扇区大小无效") }
        self.bytes = bytes
        sectorSize = 1 << sectorShift
        // The header occupies the first sector slot; sector n starts at (n + 1) * sectorSize.
        sectorCount = max(0, (bytes.count - 1) / sectorSize)
        miniStreamCutoff = bytes.u32(at: 0x38)
        miniFATStart = bytes.u32(at: 0x3C)
        fat = try Self.readFAT(bytes: bytes, sectorSize: sectorSize, sectorCount: sectorCount)

        let directory = try Self.chainData(from: bytes.u32(at: 0x30), table: fat, limit: sectorCount,
                                           sectorSize: sectorSize, bytes: bytes, what: "目录").array
        var streams: [Stream] = []
        var root: (start: Int, size: Int)?
        let is4096 = sectorShift == 12
        for entryStart in stride(from: 0, to: directory.count - 127, by: 128) {
            let type = directory[entryStart + 0x42]
            // Version 3 files may leave garbage in the high half of the size: only the low half counts.
            let size = directory.u32(at: entryStart + 0x78) | (is4096 ? directory.u32(at: entryStart + 0x7C) << 32 : 0)
            let start = directory.u32(at: entryStart + 0x74)
            if type == 5, root == nil {
                root = (start, size)
            } else if type == 2 {
                streams.append(Stream(name: Self.entryName(directory, at: entryStart), startSector: start, size: size))
            }
        }
        guard let root else { throw XLSReadError("复合文档缺少根目录项") }
        self.streams = streams
        miniStreamStart = root.start
        miniStreamSize = root.size
    }

    /// The stream with this name (compared ignoring case, as Excel does), nil when absent.
    func stream(named name: String) -> Stream? {
        streams.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The bytes of a stream; small streams live in the mini stream, the rest in ordinary sectors.
    func data(of stream: Stream) throws(XLSReadError) -> Bytes {
        guard stream.size <= bytes.count else {
            throw XLSReadError("数据流 \(stream.name) 声明的长度（\(stream.size) 字节）超过文件大小")
        }
        let data: Bytes
        if stream.size < miniStreamCutoff {
            let miniStream = try Self.chainData(from: miniStreamStart, table: fat, limit: sectorCount,
                                                sectorSize: sectorSize, bytes: bytes, what: "小扇区数据流",
                                                size: miniStreamSize)
            let miniFAT = try Self.chainData(from: miniFATStart, table: fat, limit: sectorCount,
                                             sectorSize: sectorSize, bytes: bytes, what: "小扇区分配表").array
            let miniTable = stride(from: 0, to: miniFAT.count - 3, by: 4).map { miniFAT.u32(at: $0) }
            data = try Self.chainData(from: stream.startSector, table: miniTable,
                                      limit: miniStream.count / Self.miniSectorSize, sectorSize: Self.miniSectorSize,
                                      bytes: ByteView(miniStream.array), firstSectorOffset: 0, what: "数据流 \(stream.name)",
                                      size: stream.size)
        } else {
            data = try Self.chainData(from: stream.startSector, table: fat, limit: sectorCount,
                                      sectorSize: sectorSize, bytes: bytes, what: "数据流 \(stream.name)",
                                      size: stream.size)
        }
        guard data.count >= stream.size else {
            throw XLSReadError("数据流 \(stream.name) 不完整：应有 \(stream.size) 字节，只找到 \(data.count) 字节")
        }
        return data
    }

    /// The FAT, gathered from the sectors the DIFAT lists: 109 in the header, then DIFAT sectors.
    private static func readFAT(bytes: ByteView, sectorSize: Int, sectorCount: Int) throws(XLSReadError) -> [Int] {
        let fatSectorCount = bytes.u32(at: 0x2C)
        guard fatSectorCount <= sectorCount else {
            throw XLSReadError("复合文档声明了 \(fatSectorCount) 个分配表扇区，超出文件大小")
        }
        var fatSectors = (0..<min(headerDIFATCount, fatSectorCount)).map { bytes.u32(at: 0x4C + 4 * $0) }
        var difatSector = bytes.u32(at: 0x44)
        var difatSectorsRead = 0
        let entriesPerDIFATSector = sectorSize / 4 - 1
        while fatSectors.count < fatSectorCount {
            guard difatSector < sectorCount else {
                throw XLSReadError("分配表索引（DIFAT）不完整或指向文件之外的扇区 \(difatSector)")
            }
            difatSectorsRead += 1
            guard difatSectorsRead <= sectorCount else { throw XLSReadError("分配表索引（DIFAT）的扇区链出现循环") }
            let offset = (difatSector + 1) * sectorSize
            guard offset + sectorSize <= bytes.count else { throw XLSReadError("分配表索引（DIFAT）扇区被截断") }
            let wanted = min(entriesPerDIFATSector, fatSectorCount - fatSectors.count)
            fatSectors += (0..<wanted).map { bytes.u32(at: offset + 4 * $0) }
            difatSector = bytes.u32(at: offset + 4 * entriesPerDIFATSector)
        }
        var fat: [Int] = []
        fat.reserveCapacity(fatSectorCount * sectorSize / 4)
        for sector in fatSectors {
            let offset = (sector + 1) * sectorSize
            guard sector < sectorCount, offset + sectorSize <= bytes.count else {
                throw XLSReadError("分配表（FAT）扇区 \(sector) 超出文件范围")
            }
            for index in 0..<(sectorSize / 4) { fat.append(bytes.u32(at: offset + 4 * index)) }
        }
        return fat
    }

    /// Follows a sector chain and gathers its sectors, stopping at `size` bytes if given.
    /// `limit` is the number of sectors that exist. A chain of consecutive sectors — the usual
    /// layout — comes back as a window on `bytes`; only a fragmented one is copied.
    private static func chainData(from start: Int, table: [Int], limit: Int, sectorSize: Int, bytes: ByteView,
                                  firstSectorOffset: Int? = nil, what: String,
                                  size: Int? = nil) throws(XLSReadError) -> Bytes {
        let base = firstSectorOffset ?? sectorSize
        var pieces: [Range<Int>] = []
        var gathered = 0
        var sector = start
        // A sector met twice means the chain loops; a size cap alone would hide that as garbage data.
        var visited = [Bool](repeating: false, count: table.count)
        while sector != endOfChain, size.map({ gathered < $0 }) ?? true {
            if sector == freeSector, size == nil { break }  // an absent mini FAT, for example
            guard sector < limit, sector < table.count else {
                throw XLSReadError("\(what)的扇区链指向不存在的扇区 \(sector)")
            }
            guard !visited[sector] else { throw XLSReadError("\(what)的扇区链出现循环（扇区 \(sector)）") }
            visited[sector] = true
            let offset = base + sector * sectorSize
            let end = min(offset + sectorSize, bytes.count, size.map { offset + $0 - gathered } ?? Int.max)
            if let last = pieces.last, last.upperBound == offset {
                pieces[pieces.count - 1] = last.lowerBound..<end
            } else {
                pieces.append(offset..<end)
            }
            gathered += end - offset
            sector = table[sector]
        }
        if pieces.count == 1, let only = pieces.first { return Bytes(storage: bytes, range: only) }
        let data = pieces.flatMap { bytes[$0] }
        return Bytes(storage: ByteView(data), range: data.indices)
    }

    /// The entry's UTF-16LE name; the stored length counts bytes including the terminating NUL.
    private static func entryName(_ directory: [UInt8], at entryStart: Int) -> String {
        let byteLength = min(directory.u16(at: entryStart + 0x40), 64)
        let units = stride(from: 0, to: max(0, byteLength - 2), by: 2).map {
            UInt16(truncatingIfNeeded: directory.u16(at: entryStart + $0))
        }
        return String(decoding: units, as: UTF16.self)
    }
}
