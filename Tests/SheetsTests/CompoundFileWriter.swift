/// Writes small OLE2 compound files for tests, so no binary fixtures need committing:
/// version 3 (512-byte sectors) or version 4 (4096-byte sectors). Streams under 4096 bytes
/// go to the mini stream, as Excel does.
enum CompoundFileWriter {
    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let freeSector: UInt32 = 0xFFFF_FFFF
    private static let fatSectorMark: UInt32 = 0xFFFF_FFFD
    private static let difatSectorMark: UInt32 = 0xFFFF_FFFC

    /// A compound file holding `streams` (name, bytes) under the root storage.
    static func file(streams: [(name: String, data: [UInt8])], sectorSize: Int = 512) -> [UInt8] {
        let entriesPerFATSector = sectorSize / 4
        var sectors: [[UInt8]] = []
        var fat: [UInt32] = []
        func allocate(_ data: [UInt8]) -> UInt32 {
            guard !data.isEmpty else { return endOfChain }
            let start = sectors.count
            for chunkStart in stride(from: 0, to: data.count, by: sectorSize) {
                var sector = Array(data[chunkStart..<min(chunkStart + sectorSize, data.count)])
                sector += [UInt8](repeating: 0, count: sectorSize - sector.count)
                sectors.append(sector)
                fat.append(UInt32(sectors.count))
            }
            fat[fat.count - 1] = endOfChain
            return UInt32(start)
        }

        // Small streams are packed into the mini stream, 64 bytes a mini sector.
        var miniStream: [UInt8] = []
        var miniFAT: [UInt32] = []
        var starts: [UInt32] = []
        for stream in streams {
            if stream.data.count < 4096 {
                let first = miniStream.count / 64
                let count = (stream.data.count + 63) / 64
                miniStream += stream.data + [UInt8](repeating: 0, count: count * 64 - stream.data.count)
                miniFAT += (0..<count).map { $0 == count - 1 ? endOfChain : UInt32(first + $0 + 1) }
                starts.append(count == 0 ? endOfChain : UInt32(first))
            } else {
                starts.append(allocate(stream.data))
            }
        }
        let miniStreamStart = allocate(miniStream)
        let miniFATStart = allocate(miniFAT.flatMap(le32))

        var directory = entry(name: "Root Entry", type: 5, child: streams.isEmpty ? freeSector : 1,
                              right: freeSector, start: miniStreamStart, size: miniStream.count)
        for (index, stream) in streams.enumerated() {
            // A right-leaning chain of siblings is a valid (if unbalanced) red-black tree.
            let right = index + 1 < streams.count ? UInt32(index + 2) : freeSector
            directory += entry(name: stream.name, type: 2, child: freeSector, right: right,
                               start: starts[index], size: stream.data.count)
        }
        let directoryStart = allocate(directory)

        // The FAT must also map its own sectors and the DIFAT sectors.
        var fatSectorCount = 0
        var difatSectorCount = 0
        while true {
            let needed = (sectors.count + fatSectorCount + difatSectorCount + entriesPerFATSector - 1) / entriesPerFATSector
            let neededDIFAT = max(0, (needed - 109 + entriesPerFATSector - 2) / (entriesPerFATSector - 1))
            if needed == fatSectorCount, neededDIFAT == difatSectorCount { break }
            fatSectorCount = needed
            difatSectorCount = neededDIFAT
        }
        let firstFATSector = sectors.count
        let fatSectorNumbers = (0..<fatSectorCount).map { UInt32(firstFATSector + $0) }
        fat += [UInt32](repeating: fatSectorMark, count: fatSectorCount)
        fat += [UInt32](repeating: difatSectorMark, count: difatSectorCount)
        fat += [UInt32](repeating: freeSector, count: fatSectorCount * entriesPerFATSector - fat.count)
        for index in 0..<fatSectorCount {
            sectors.append(fat[(index * entriesPerFATSector)..<((index + 1) * entriesPerFATSector)].flatMap(le32))
        }
        let firstDIFATSector = sectors.count
        let overflow = Array(fatSectorNumbers.dropFirst(109))
        for index in 0..<difatSectorCount {
            var entries = Array(overflow.dropFirst(index * (entriesPerFATSector - 1)).prefix(entriesPerFATSector - 1))
            entries += [UInt32](repeating: freeSector, count: entriesPerFATSector - 1 - entries.count)
            entries.append(index + 1 < difatSectorCount ? UInt32(firstDIFATSector + index + 1) : endOfChain)
            sectors.append(entries.flatMap(le32))
        }

        // The header takes a whole sector slot; its fields fill the first 512 bytes.
        var header = [UInt8](repeating: 0, count: sectorSize)
        let isVersion4 = sectorSize == 4096
        header.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        put(&header, 0x18, le16(0x3E) + le16(isVersion4 ? 4 : 3) + le16(0xFFFE) + le16(isVersion4 ? 12 : 9) + le16(6))
        put(&header, 0x2C, le32(UInt32(fatSectorCount)) + le32(directoryStart) + le32(0) + le32(4096))
        put(&header, 0x3C, le32(miniFATStart) + le32(UInt32((miniFAT.count * 4 + sectorSize - 1) / sectorSize)))
        put(&header, 0x44, le32(difatSectorCount > 0 ? UInt32(firstDIFATSector) : endOfChain) + le32(UInt32(difatSectorCount)))
        let headerDIFAT = fatSectorNumbers.prefix(109) + [UInt32](repeating: freeSector, count: max(0, 109 - fatSectorCount))
        put(&header, 0x4C, headerDIFAT.flatMap(le32))
        return header + sectors.flatMap { $0 }
    }

    /// Overwrites entry `index` of the FAT in a file this writer made (for corruption tests).
    static func settingFATEntry(_ index: Int, to value: UInt32, in file: [UInt8]) -> [UInt8] {
        var file = file
        let sectorSize = 1 << Int(file[0x1E])
        let fatSector = Int(readLE32(file, 0x4C + 4 * (index / (sectorSize / 4))))
        put(&file, (fatSector + 1) * sectorSize + 4 * (index % (sectorSize / 4)), le32(value))
        return file
    }

    /// The start sector of the named stream's directory entry, read back from a written file.
    static func directoryEntryOffset(named name: String, in file: [UInt8]) -> Int? {
        let sectorSize = 1 << Int(file[0x1E])
        let directoryStart = Int(readLE32(file, 0x30))
        let base = (directoryStart + 1) * sectorSize
        for offset in stride(from: base, to: min(file.count, base + sectorSize * 8), by: 128) {
            let length = Int(file[offset + 0x40]) / 2 - 1
            guard length > 0 else { continue }
            let units = (0..<length).map { UInt16(file[offset + 2 * $0]) | UInt16(file[offset + 2 * $0 + 1]) << 8 }
            if String(decoding: units, as: UTF16.self) == name { return offset }
        }
        return nil
    }

    private static func entry(name: String, type: UInt8, child: UInt32, right: UInt32,
                              start: UInt32, size: Int) -> [UInt8] {
        var entry = [UInt8](repeating: 0, count: 128)
        let units = Array(name.utf16.prefix(31))
        put(&entry, 0, units.flatMap { le16($0) })
        put(&entry, 0x40, le16(UInt16(units.count * 2 + 2)))
        entry[0x42] = type
        entry[0x43] = 1  // black
        put(&entry, 0x44, le32(freeSector) + le32(right) + le32(child))
        put(&entry, 0x74, le32(start) + le32(UInt32(size)))
        return entry
    }

    static func put(_ bytes: inout [UInt8], _ offset: Int, _ values: [UInt8]) {
        bytes.replaceSubrange(offset..<(offset + values.count), with: values)
    }

    static func readLE32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le16(_ value: Int) -> [UInt8] { le16(UInt16(truncatingIfNeeded: value)) }
    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    static func le32(_ value: Int) -> [UInt8] { le32(UInt32(truncatingIfNeeded: value)) }
}
