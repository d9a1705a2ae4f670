import Foundation

/// What the inflating thread needs; it alone reads the part until it is inflated.
struct Inflater: @unchecked Sendable {
    let bytes: ByteView
    let entry: ZIPEntry
}

/// An XLSX file opened as a ZIP package, mapped read-only.
///
/// Finds parts by name case-insensitively (some generators write `xl/SharedStrings.xml` or
/// backslashes) and streams a part's inflated bytes through an XML handler, one buffer at a
/// time, so a 150 MB sheet never sits in memory whole. The ZIP layer is our own
/// (`ZIPDirectory`, `ZIPEntryReader`): see `ZIPEntryReader` for why not ZIPFoundation's.
final class XLSXPackage {
    let file: URL
    private let bytes: ByteView
    /// Entries by normalized part name: lowercase, forward slashes, no leading slash.
    private let entries: [String: ZIPEntry]

    /// Inflated bytes handed to the XML parser at a time.
    static let bufferSize = 1 << 20

    /// Parts whose inflated size passes this are inflated on one thread while parsed on another.
    let pipelineThreshold: Int
    /// Worksheet parts that are large enough are parsed in pieces on all cores.
    let segmenting: SegmentedSheetParse.Sizes
    /// What every part parsed from this package may still inflate to; shared by the packages
    /// that other threads open on the same file.
    let budget: InflationBudget

    init(file: URL, pipelineThreshold: Int = 8 << 20, segmenting: SegmentedSheetParse.Sizes = .init(),
         budget: InflationBudget = InflationBudget(limits: .excel)) throws(SheetsError) {
        self.file = file
        self.pipelineThreshold = pipelineThreshold
        self.segmenting = segmenting
        self.budget = budget
        let descriptor = open(file.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw SheetsError(file: file.path, reason: .unreadable(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        do throws(ZIPError) {
            guard let bytes = ByteView.mapping(descriptor) else { throw ZIPError.noDirectory }
            self.bytes = bytes
            var entries: [String: ZIPEntry] = [:]
            for entry in try ZIPDirectory.entries(in: bytes) where !entry.isDirectory {
                entries[Self.normalized(entry.path)] = entry
            }
            self.entries = entries
        } catch {
            throw SheetsError(file: file.path, reason: .corruptArchive(error.description))
        }
    }

    func contains(_ part: String) -> Bool {
        entries[Self.normalized(part)] != nil
    }

    /// The inflated size the ZIP directory claims for `part` (a hint: a damaged file may lie).
    func declaredSize(of part: String) -> Int {
        entries[Self.normalized(part)]?.uncompressedSize ?? 0
    }

    /// The grid of a worksheet part: parsed on all cores when it is large (`SegmentedSheetParse`),
    /// else streamed through one parser.
    func sheetGrid(_ part: String, styles: StyleSheet, expectedCells: Int, limits: ReadLimits,
                   sheet: String) throws(SheetsError) -> SheetGrid {
        if let part = inflater(of: part),
           let grid = SegmentedSheetParse.grid(of: part, styles: styles, limits: limits, budget: budget,
                                               expectedCells: expectedCells, sizes: segmenting) {
            return grid
        }
        let handler = SheetXMLHandler(styles: styles, expectedCells: expectedCells, limits: limits)
        try parse(part, with: handler, sheet: sheet)
        return handler.grid
    }

    /// What a thread of its own needs to inflate `part`.
    func inflater(of part: String) -> Inflater? {
        entries[Self.normalized(part)].map { Inflater(bytes: bytes, entry: $0) }
    }

    /// Streams `part` through libxml2 into `handler`.
    ///
    /// - Parameter sheet: the sheet the part belongs to, named in errors.
    func parse(_ part: String, with handler: XMLStreamHandler, sheet: String? = nil) throws(SheetsError) {
        guard let entry = entries[Self.normalized(part)] else {
            throw SheetsError(file: file.path, sheet: sheet, reason: .missingPart(part))
        }
        guard let parser = XMLPushParser(handler: handler) else {
            throw SheetsError(file: file.path, sheet: sheet, reason: .unreadable("libxml2 无法创建解析器"))
        }
        let feeder = PartFeeder(part: part, compressedSize: entry.compressedSize,
                                parser: parser, handler: handler, budget: budget)
        do {
            if entry.uncompressedSize > max(0, pipelineThreshold) {
                try parseOnTwoThreads(entry, with: feeder)
            } else {
                try ZIPEntryReader.read(entry, in: bytes, chunkSize: Self.bufferSize) { chunk in
                    try feeder.feed(chunk)
                }
            }
            try parser.finish()
            if let breach = handler.breach { throw breach }
        } catch let breach as ReadLimitBreach {
            throw SheetsError(file: file.path, sheet: sheet, cell: breach.cell, reason: .limitExceeded(breach.violation))
        } catch let error as XMLParseError {
            throw SheetsError(file: file.path, sheet: sheet,
                              reason: .malformedXML(part: part, line: error.line, detail: error.detail))
        } catch let error as ZIPError {
            throw SheetsError(file: file.path, sheet: sheet, reason: .corruptArchive(error.description))
        } catch {
            throw SheetsError(file: file.path, sheet: sheet,
                              reason: .corruptArchive("部件 \(part) 无法解压（\(error)）"))
        }
    }

    /// Inflating is about a fifth of the work on a large sheet; doing it on a second thread
    /// takes it off the parser's path. At most four chunks wait between the two.
    private func parseOnTwoThreads(_ entry: ZIPEntry, with feeder: PartFeeder) throws {
        let channel = ChunkChannel(capacity: 4)
        let inflater = Inflater(bytes: bytes, entry: entry)
        Thread.detachNewThread {
            do {
                try ZIPEntryReader.read(inflater.entry, in: inflater.bytes, chunkSize: Self.bufferSize) { chunk in
                    // Copy: the inflater reuses its buffer for the next chunk.
                    try channel.send(Data(chunk))
                }
                channel.finish(error: nil)
            } catch {
                channel.finish(error: error)
            }
        }
        do {
            while let chunk = channel.receive() {
                try feeder.feed(chunk)
            }
        } catch {
            channel.cancel()
            throw error
        }
        if let error = channel.error { throw error }
    }

    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself ("") → `_rels/.rels`.
    static func relationshipsPart(of part: String) -> String {
        let slash = part.lastIndex(of: "/")
        let folder = slash.map { String(part[...$0]) } ?? ""
        let name = slash.map { String(part[part.index(after: $0)...]) } ?? part
        return "\(folder)_rels/\(name).rels"
    }

    /// Resolves a relationship target against the folder of the part that declares it:
    /// `worksheets/sheet1.xml` from `xl/workbook.xml` → `xl/worksheets/sheet1.xml`;
    /// `/xl/worksheets/sheet1.xml` is already absolute.
    static func resolve(_ target: String, from part: String) -> String {
        var target = target.replacingOccurrences(of: "\\", with: "/")
        if target.contains("%"), let decoded = target.removingPercentEncoding { target = decoded }
        var components: [Substring] = []
        if !target.hasPrefix("/") {
            components = part.split(separator: "/")
            _ = components.popLast() // the part's own file name
        }
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    static func normalized(_ path: String) -> String {
        var path = path.replacingOccurrences(of: "\\", with: "/").lowercased()
        while path.hasPrefix("/") { path.removeFirst() }
        return path
    }
}
