import Foundation

/// The shared-string table (SST): every distinct text in the workbook, which LABELSST cells
/// point into. It is the bulk of a large workbook's reading time, so a large table is decoded
/// in parts on all cores.
enum XLSSharedStrings {
    /// Smaller tables are decoded on the calling thread; a thread is not worth it for them.
    static let parallelThreshold = 1 << 20

    /// Reads an SST record and its CONTINUE records: a count of unique strings, then the strings.
    /// A table that ends early keeps the strings it has; cells that point past it are reported.
    static func read(_ record: BIFFRecord, in stream: BIFFStream) throws(XLSReadError) -> [String] {
        let uniqueCount = try stream.u32(record, 4)
        var reader = try BIFFContinuedReader(stream, record, from: 8)
        let parts = ProcessInfo.processInfo.activeProcessorCount
        guard parts > 1, reader.totalBytes >= parallelThreshold else {
            return try decode(&reader, count: uniqueCount)
        }
        // A quick pass over the string headers, up to the last part, finds where each part starts…
        var starts = [(reader: reader, index: 0)]
        let partSize = reader.totalBytes / parts
        var stringCount = 0
        while starts.count < parts, stringCount < uniqueCount, !reader.isAtEnd {
            _ = try reader.richExtendedString(decoding: false)
            stringCount += 1
            if reader.bytesRead >= partSize * starts.count { starts.append((reader, stringCount)) }
        }
        // …then the parts are decoded at the same time; the last one runs to the table's end.
        let partStarts = starts
        let counts = partStarts.indices.map { part in
            (part + 1 < partStarts.count ? partStarts[part + 1].index : uniqueCount) - partStarts[part].index
        }
        let results = PartResults(count: partStarts.count)
        DispatchQueue.concurrentPerform(iterations: partStarts.count) { part in
            var partReader = partStarts[part].reader
            results.store(Result { () throws(XLSReadError) in try decode(&partReader, count: counts[part]) }, at: part)
        }
        return try results.joined()
    }

    private static func decode(_ reader: inout BIFFContinuedReader, count: Int) throws(XLSReadError) -> [String] {
        var strings: [String] = []
        // Each string takes at least 3 bytes, so the table's size bounds a lying count.
        strings.reserveCapacity(min(count, reader.totalBytes / 3))
        while strings.count < count, !reader.isAtEnd {
            strings.append(try reader.richExtendedString())
        }
        return strings
    }
}

/// The decoded parts of the table, filled in by concurrent workers.
private final class PartResults: @unchecked Sendable {
    private var parts: [Result<[String], XLSReadError>?]
    private let lock = NSLock()

    init(count: Int) {
        parts = Array(repeating: nil, count: count)
    }

    func store(_ result: Result<[String], XLSReadError>, at index: Int) {
        lock.withLock { parts[index] = result }
    }

    /// All strings in table order, or the first part's error.
    func joined() throws(XLSReadError) -> [String] {
        var strings: [String] = []
        for part in lock.withLock({ parts }) {
            switch part {
            case .success(let partStrings)?: strings += partStrings
            case .failure(let error)?: throw error
            case nil: throw XLSReadError("共享字符串表未能读完")
            }
        }
        return strings
    }
}
