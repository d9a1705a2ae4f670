import Foundation
import ZIPFoundation

/// Writes the parts of a one-sheet workbook into a folder, streaming the big ones to disk,
/// then packs them into an XLSX with ZIPFoundation.
final class WorkbookPartsWriter {
    private let folder: URL
    private var strings: [String] = []
    private var stringIndex: [String: Int] = [:]
    private(set) var rowCount = 0
    private(set) var mergeCount = 0
    private(set) var sheetBytes = 0

    init(folder: URL) throws {
        self.folder = folder
        for subfolder in ["_rels", "xl/_rels", "xl/worksheets"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(subfolder),
                                                    withIntermediateDirectories: true)
        }
    }

    /// `xl/worksheets/sheet1.xml`: a merged title row, the header row, then `count` items,
    /// each asked for only when it is written so a large sheet never sits in memory.
    func writeSheet(title: String, count: Int, item makeItem: (Int) -> GeneratedItem) throws {
        let columns = PowerListGenerator.columns
        let lastColumn = columnName(columns.count - 1)
        let out = try XMLFileWriter(folder.appendingPathComponent("xl/worksheets/sheet1.xml"))
        out.write(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n")
        out.write(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
                  + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        out.write(#"<dimension ref="A1:\#(lastColumn)\#(count * 2 + 2)"/><sheetData>"#)
        var merges = ["A1:\(lastColumn)1"]
        writeRow(1, [.text(title)] + Array(repeating: nil, count: columns.count - 1), to: out)
        writeRow(2, columns.map(GeneratedValue.text), to: out)
        var row = 3
        for serial in 0..<count {
            let item = makeItem(serial + 1)
            if item.rows.count > 1 {
                for column in PowerListGenerator.mergedColumns {
                    let name = columnName(column)
                    merges.append("\(name)\(row):\(name)\(row + item.rows.count - 1)")
                }
            }
            for values in item.rows {
                writeRow(row, values, to: out)
                row += 1
            }
        }
        out.write("</sheetData><mergeCells count=\"\(merges.count)\">")
        for merge in merges { out.write("<mergeCell ref=\"\(merge)\"/>") }
        out.write("</mergeCells></worksheet>")
        try out.close()
        rowCount = row - 1
        mergeCount = merges.count
        sheetBytes = out.bytesWritten
    }

    /// Excel writes the continuation cells of a merged range as styled empty cells; so do we.
    private func writeRow(_ number: Int, _ values: [GeneratedValue?], to out: XMLFileWriter) {
        out.write("<row r=\"\(number)\">")
        for (column, value) in values.enumerated() {
            let reference = "\(columnName(column))\(number)"
            switch value {
            case .number(let number): out.write("<c r=\"\(reference)\" s=\"1\"><v>\(number)</v></c>")
            case .text(let text): out.write("<c r=\"\(reference)\" s=\"1\" t=\"s\"><v>\(intern(text))</v></c>")
            case nil: out.write("<c r=\"\(reference)\" s=\"1\"/>")
            }
        }
        out.write("</row>")
    }

    private func intern(_ text: String) -> Int {
        if let index = stringIndex[text] { return index }
        strings.append(text)
        stringIndex[text] = strings.count - 1
        return strings.count - 1
    }

    func writeSharedStrings() throws {
        let out = try XMLFileWriter(folder.appendingPathComponent("xl/sharedStrings.xml"))
        out.write(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n")
        out.write(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)" uniqueCount="\#(strings.count)">"#)
        for text in strings { out.write("<si><t xml:space=\"preserve\">\(escaped(text))</t></si>") }
        out.write("</sst>")
        try out.close()
    }

    func writeFixedParts(sheetName: String) throws {
        for (path, xml) in BoilerplateParts.all(sheetName: sheetName) {
            try Data(xml.utf8).write(to: folder.appendingPathComponent(path))
        }
    }

    func package(into output: URL) throws {
        try? FileManager.default.removeItem(at: output)
        let archive = try Archive(url: output, accessMode: .create)
        let parts = BoilerplateParts.all(sheetName: "").map(\.path) + ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]
        for path in parts {
            try archive.addEntry(with: path, fileURL: folder.appendingPathComponent(path),
                                 compressionMethod: .deflate, bufferSize: 1 << 20)
        }
    }

    private func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    private func columnName(_ column: Int) -> String {
        column < 26 ? String(UnicodeScalar(UInt8(65 + column))) : "A" + String(UnicodeScalar(UInt8(65 + column - 26)))
    }
}

/// Appends UTF-8 text to a file through a 1 MiB buffer.
final class XMLFileWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var bytesWritten = 0

    init(_ url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw UsageError("无法创建文件 \(url.path)")
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        handle.write(Data(buffer))
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try handle.close()
    }
}
