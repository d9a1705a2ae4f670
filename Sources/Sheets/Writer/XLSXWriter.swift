import Foundation
import ZIPFoundation

/// Writes sheets as an Office Open XML workbook (.xlsx) that Excel, WPS and LibreOffice open.
///
/// Text goes into a shared-string table (a category written on every row is stored once);
/// the first row can be a bold, frozen header with a filter; column widths follow the content,
/// counting a Chinese character as two. The file is written next to its destination and moved
/// into place, so a failure never leaves half a workbook behind.
///
/// ```swift
/// try XLSXWriter().write([Sheet(name: "事项", rows: rows)], to: URL(fileURLWithPath: "事项.xlsx"))
/// ```
public struct XLSXWriter: Sendable {
    public struct Options: Sendable {
        /// Make the first row of every sheet a header: bold, frozen, with a filter.
        public var headerRow: Bool
        /// Widest a column gets, in characters of the default font.
        public var maximumColumnWidth: Int

        public init(headerRow: Bool = true, maximumColumnWidth: Int = 60) {
            self.headerRow = headerRow
            self.maximumColumnWidth = maximumColumnWidth
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Writes `sheets` (in order; at least one is written, empty when none is given) to `file`,
    /// replacing it if it exists.
    public func write(_ sheets: [Sheet], to file: URL) throws(XLSXWriterError) {
        try write(sheets, decorations: [], to: file)
    }

    /// Writes `sheets` with row colours and drop-downs; `decorations[i]` belongs to `sheets[i]`
    /// (missing ones are `.none`).
    public func write(_ sheets: [Sheet], decorations: [SheetDecoration], to file: URL) throws(XLSXWriterError) {
        try write(sheets.map(SheetSource.init), decorations: decorations, to: file)
    }

    /// Writes sheets whose rows are produced on demand (walked once, see `SheetSource`), the
    /// same bytes as the same rows in `Sheet`s; for sheets too large to hold whole.
    public func write(_ sources: [SheetSource], decorations: [SheetDecoration] = [],
                      to file: URL) throws(XLSXWriterError) {
        let sources = sources.isEmpty ? [SheetSource(Sheet(name: "Sheet1"))] : sources
        let decorations = sources.indices.map { $0 < decorations.count ? decorations[$0] : .none }
        var isDirectory: ObjCBool = false
        let folder = file.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw XLSXWriterError(file: file.path, detail: "文件夹 \(folder.path) 不存在。")
        }
        var strings = XLSXStringTable()
        var worksheets: [XLSXWorksheet] = []
        do {
            for (source, decoration) in zip(sources, decorations) {
                worksheets.append(try XLSXWorksheet(source, decoration: decoration,
                                                    maximumWidth: options.maximumColumnWidth, strings: &strings))
            }
        } catch {
            throw XLSXWriterError(file: file.path, detail: "\(error)")
        }
        for sheet in worksheets {
            if let dimension = sheet.dimension, dimension.last.row >= 1_048_576 || dimension.last.column >= 16_384 {
                throw XLSXWriterError(file: file.path, detail: "工作表 \(sheet.source.name) 超出 Excel 的上限（1048576 行、16384 列）。")
            }
        }
        try package(worksheets, strings: strings, fills: FillStyles(decorations), to: file)
    }

    /// Zips the parts into a temporary file beside `file`, then renames it over `file`: with
    /// `ZIPPackageWriter` (deflated on all cores), or ZIPFoundation when the package needs ZIP64.
    private func package(_ worksheets: [XLSXWorksheet], strings: XLSXStringTable, fills: FillStyles,
                         to file: URL) throws(XLSXWriterError) {
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            do {
                let zip = try ZIPPackageWriter(creating: temporary)
                try parts(worksheets, strings: strings, fills: fills, beside: file, add: zip.add)
                try zip.finish()
            } catch is ZIPPackageWriter.TooLarge {
                try? FileManager.default.removeItem(at: temporary)
                let archive = try Archive(url: temporary, accessMode: .create)
                try parts(worksheets, strings: strings, fills: fills, beside: file) { path, size, provider in
                    try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(size),
                                         modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                         compressionMethod: .deflate, provider: provider)
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw XLSXWriterError(file: file.path, detail: "\(error)")
        }
        guard rename(temporary.path, file.path) == 0 else {
            let detail = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw XLSXWriterError(file: file.path, detail: detail)
        }
    }

    /// An entry of the package: its path, size and bytes (position, count). Every entry is
    /// deflated with the same fixed date (1980-01-01), so equal sheets give equal bytes.
    private typealias AddEntry = (String, Int, (Int64, Int) throws -> Data) throws -> Void

    /// Every part of the workbook, in package order; the large ones written to a part file
    /// beside the workbook first.
    private func parts(_ worksheets: [XLSXWorksheet], strings: XLSXStringTable, fills: FillStyles, beside file: URL,
                       add: AddEntry) throws {
        let names = XLSXParts.sheetNames(worksheets.map(\.source.name))
        let filters = worksheets.map { options.headerRow ? $0.filterRange : nil }
        let small = [
            ("[Content_Types].xml", XLSXParts.contentTypes(sheetCount: worksheets.count)),
            ("_rels/.rels", XLSXParts.packageRelationships),
            ("xl/workbook.xml", XLSXParts.workbook(sheetNames: names, filterRanges: filters)),
            ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRelationships(sheetCount: worksheets.count)),
            ("xl/styles.xml", XLSXParts.styles(fills)),
        ]
        for (path, xml) in small {
            let data = Data(xml.utf8)
            try add(path, data.count) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        try Self.add("xl/sharedStrings.xml", beside: file, with: add) { try strings.write(to: $0) }
        for (index, worksheet) in worksheets.enumerated() {
            try Self.add("xl/worksheets/sheet\(index + 1).xml", beside: file, with: add) { part in
                try worksheet.write(to: part, options: options, fills: fills)
            }
        }
    }

    /// A part written by `body` into a part file beside the workbook, then added from it.
    private static func add(_ path: String, beside file: URL, with add: AddEntry,
                            body: (XLSXPartFile) throws -> Void) throws {
        let part = try XLSXPartFile(beside: file)
        try body(part)
        let size = try part.finish()
        try add(path, Int(size)) { position, count in try part.read(at: position, count: count) }
    }
}

/// Why a workbook could not be written; `description` is in Simplified Chinese and names the file.
public struct XLSXWriterError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var detail: String

    public var description: String { "无法写入文件 \(file)：\(detail)" }
}

/// The shared-string table: each distinct text once, cells refer to it by index.
struct XLSXStringTable {
    private var indexes: [ExactText: Int] = [:]
    private var texts: [String] = []
    private(set) var referenceCount = 0

    /// Counts `references` more cells holding `text` (one by default), adding the text when it
    /// is new; its index.
    mutating func add(_ text: String, references: Int = 1) -> Int {
        referenceCount += references
        let key = ExactText(text)
        if let index = indexes[key] { return index }
        indexes[key] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    /// Counts cells whose texts were added with no references (by a chunk's survey).
    mutating func count(references: Int) {
        referenceCount += references
    }

    func write(to part: XLSXPartFile) throws {
        try part.write(XLSXParts.declaration
            + #"<sst xmlns="\#(XLSXParts.mainNamespace)" count="\#(referenceCount)" uniqueCount="\#(texts.count)">"#)
        for text in texts {
            try part.write(#"<si><t xml:space="preserve">\#(XLSXParts.escape(XLSXParts.cellText(text)))</t></si>"#)
        }
        try part.write("</sst>")
    }
}

/// A text compared and hashed by its UTF-8 bytes: `String`'s own hashing normalizes every
/// text to NFC first, which was a fifth of writing a 700,000-row report. A cell keeps its
/// exact bytes (two canonically equivalent spellings stay two shared strings).
struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (left: ExactText, right: ExactText) -> Bool {
        left.withBytes { a in
            right.withBytes { b in
                a.count == b.count && (a.isEmpty || a.baseAddress == b.baseAddress || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }

    /// The length and, of a long text, its first and last 64 bytes, mixed eight bytes at a time
    /// into one word that is all `Hasher` sees: SipHash over up to 128 bytes a lookup was most of
    /// surveying a large report's texts. Texts sharing those bytes are told apart by `==`.
    func hash(into hasher: inout Hasher) {
        hasher.combine(withBytes(Self.digest))
    }

    static func digest(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var digest = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        func mix(_ word: UInt64) {
            digest = (digest ^ word) &* 0xFF51_AFD7_ED55_8CCD
            digest ^= digest >> 32
        }
        func words(_ part: UnsafeBufferPointer<UInt8>) {
            let raw = UnsafeRawBufferPointer(part)
            var offset = 0
            while offset + 8 <= raw.count {
                mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail = tail << 8 | UInt64(raw[index]) }
            mix(tail)
        }
        if bytes.count > 128 {
            words(UnsafeBufferPointer(rebasing: bytes.prefix(64)))
            words(UnsafeBufferPointer(rebasing: bytes.suffix(64)))
        } else {
            words(bytes)
        }
        return digest
    }

    /// The bytes read in place (`withUTF8` needs a mutable copy: a retain and release a call).
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = text
        return text.withUTF8(body)
    }
}
