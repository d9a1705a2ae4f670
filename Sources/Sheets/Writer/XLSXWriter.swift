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
        let sheets = sheets.isEmpty ? [Sheet(name: "Sheet1")] : sheets
        let decorations = sheets.indices.map { $0 < decorations.count ? decorations[$0] : .none }
        let fills = FillStyles(decorations)
        for sheet in sheets {
            if let dimension = sheet.dimension, dimension.last.row >= 1_048_576 || dimension.last.column >= 16_384 {
                throw XLSXWriterError(file: file.path, detail: "工作表 \(sheet.name) 超出 Excel 的上限（1048576 行、16384 列）。")
            }
        }
        var isDirectory: ObjCBool = false
        let folder = file.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw XLSXWriterError(file: file.path, detail: "文件夹 \(folder.path) 不存在。")
        }
        let names = XLSXParts.sheetNames(sheets.map(\.name))
        var strings = XLSXStringTable()
        let worksheets = zip(sheets, decorations).map { sheet, decoration in
            XLSXParts.worksheet(sheet, strings: &strings, options: options, decoration: decoration, fills: fills)
        }
        var parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", XLSXParts.contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", XLSXParts.packageRelationships),
            ("xl/workbook.xml", XLSXParts.workbook(sheetNames: names, sheets: sheets, headerRow: options.headerRow)),
            ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", XLSXParts.styles(fills)),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        for (index, worksheet) in worksheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet))
        }
        try Self.package(parts, to: file)
    }

    /// Zips the parts into a temporary file beside `file`, then renames it over `file`.
    private static func package(_ parts: [(path: String, xml: String)], to file: URL) throws(XLSXWriterError) {
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            for part in parts {
                // Read in place: a copy of each part as `Data` doubled the memory of a
                // 100,000-row workbook, whose shared strings alone are hundreds of megabytes.
                var xml = part.xml
                try xml.withUTF8 { bytes in
                    try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                         modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                         compressionMethod: .deflate) { position, size in
                        Data(bytes[Int(position)..<Int(position) + size])
                    }
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
}

/// Why a workbook could not be written; `description` is in Simplified Chinese and names the file.
public struct XLSXWriterError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var detail: String

    public var description: String { "无法写入文件 \(file)：\(detail)" }
}

/// The shared-string table: each distinct text once, cells refer to it by index.
struct XLSXStringTable {
    private var indexes: [String: Int] = [:]
    private var texts: [String] = []
    private(set) var referenceCount = 0

    mutating func index(of text: String) -> Int {
        referenceCount += 1
        if let index = indexes[text] { return index }
        indexes[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    var xml: String {
        var xml = XLSXParts.declaration
        xml += #"<sst xmlns="\#(XLSXParts.mainNamespace)" count="\#(referenceCount)" uniqueCount="\#(texts.count)">"#
        for text in texts {
            xml += #"<si><t xml:space="preserve">\#(XLSXParts.escape(XLSXParts.cellText(text)))</t></si>"#
        }
        return xml + "</sst>"
    }
}
