/// The shared-string table (SST): every distinct text in the workbook, which LABELSST cells
/// point into. In a large workbook it is most of the reading time.
///
/// Decoding it in parallel parts (after a pass over the string headers) was tried: on a busy
/// two-core machine it was slower in wall and CPU time than one pass, so it was dropped.
enum XLSSharedStrings {
    /// Reads an SST record and its CONTINUE records: a count of unique strings, then the strings.
    /// A table that ends early keeps the strings it has; cells that point past it are reported.
    static func read(_ record: BIFFRecord, in stream: BIFFStream) throws(XLSReadError) -> [String] {
        let uniqueCount = try stream.u32(record, 4)
        var reader = try BIFFContinuedReader(stream, record, from: 8)
        var strings: [String] = []
        // Each string takes at least 3 bytes, so the table's size bounds a lying count.
        strings.reserveCapacity(min(uniqueCount, reader.totalBytes / 3))
        while strings.count < uniqueCount, !reader.isAtEnd {
            strings.append(try reader.richExtendedString())
        }
        return strings
    }
}
