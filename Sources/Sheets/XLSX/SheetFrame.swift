import Foundation

/// Where a worksheet part's XML can be cut into pieces that parse on their own: before the
/// start tag of a row. A piece after the first is parsed after `header` (the document up to
/// and including its `<sheetData>` start tag), and a piece before the last is closed by
/// `footer` (`</sheetData></worksheet>`), so each reads as the same well-formed document.
///
/// Only plain markup is cut: XML text cannot hold a raw `<`, so every `<row` in it is a start
/// tag — unless it sits in a comment, a CDATA section or a processing instruction, which a
/// piece holding `<!` or `<?` is refused for (`isPlain`). A cut is made only before a row whose
/// start tag says its number (`r="…"`), since a row without one takes the number after the
/// row before it.
struct SheetFrame: Equatable {
    let header: [UInt8]
    let footer: [UInt8]
    /// `<row`, or `<x:row` when the sheet's elements carry a prefix.
    let rowTag: [UInt8]

    /// The frame of a part beginning with `prefix`; nil while `prefix` does not reach the end
    /// of the `<sheetData>` start tag, and for a part with a DOCTYPE, a comment or a
    /// processing instruction before it, or an empty `<sheetData/>`.
    init?(prefix: UnsafeRawBufferPointer) {
        let bytes = prefix.bindMemory(to: UInt8.self)
        var position = 0
        var root: ArraySlice<UInt8>?
        while let open = Self.index(of: UInt8(ascii: "<"), in: bytes, from: position) {
            guard open + 1 < bytes.count else { return nil }
            let next = bytes[open + 1]
            if next == UInt8(ascii: "?"), root == nil, open == 0 || Self.isBlank(bytes, upTo: open) {
                // The XML declaration.
                guard let end = Self.tagEnd(in: bytes, from: open) else { return nil }
                position = end + 1
                continue
            }
            guard next != UInt8(ascii: "?"), next != UInt8(ascii: "!") else { return nil }
            guard let end = Self.tagEnd(in: bytes, from: open) else { return nil }
            if next == UInt8(ascii: "/") { position = end + 1; continue }
            let name = Self.qualifiedName(in: bytes, at: open + 1)
            if root == nil {
                root = name
            } else if Self.localName(of: name).elementsEqual("sheetData".utf8) {
                guard bytes[end - 1] != UInt8(ascii: "/"), let root else { return nil }
                header = Array(bytes[...end])
                footer = Array("</".utf8) + name + Array("></".utf8) + root + [UInt8(ascii: ">")]
                rowTag = [UInt8(ascii: "<")] + name.dropLast("sheetData".utf8.count) + Array("row".utf8)
                return
            }
            position = end + 1
        }
        return nil
    }

    /// The start of the last row start tag with an `r` attribute that lies whole in
    /// `bytes[from...]`, or nil.
    func lastRowStart(in bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
        let bytes = bytes.bindMemory(to: UInt8.self)
        var candidate = bytes.count - rowTag.count - 1
        while candidate >= from {
            if bytes[candidate] == UInt8(ascii: "<"), isRowStart(bytes, at: candidate),
               let end = Self.tagEnd(in: bytes, from: candidate),
               Self.hasRowNumber(bytes, from: candidate + rowTag.count, to: end) {
                return candidate
            }
            candidate -= 1
        }
        return nil
    }

    /// True when `bytes` hold no comment, CDATA section, DOCTYPE or processing instruction.
    /// (`!` and `?` are rare in a sheet's XML, whose texts are mostly shared strings, so they
    /// are searched for rather than every `<`.)
    static func isPlain(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let bytes = bytes.bindMemory(to: UInt8.self)
        for marker in [UInt8(ascii: "!"), UInt8(ascii: "?")] {
            var position = 1
            while let found = index(of: marker, in: bytes, from: position) {
                if bytes[found - 1] == UInt8(ascii: "<") { return false }
                position = found + 1
            }
        }
        return true
    }

    private func isRowStart(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position + rowTag.count < bytes.count else { return false }
        for offset in 1..<rowTag.count where bytes[position + offset] != rowTag[offset] { return false }
        return Self.endsName(bytes[position + rowTag.count])
    }

    /// An unprefixed `r` attribute among the attributes in `bytes[from..<to]`.
    private static func hasRowNumber(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Bool {
        var position = from
        var quote: UInt8?
        while position + 1 < end {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if isSpace(byte), bytes[position + 1] == UInt8(ascii: "r") {
                var after = position + 2
                while after < end, isSpace(bytes[after]) { after += 1 }
                if after < end, bytes[after] == UInt8(ascii: "=") { return true }
            }
            position += 1
        }
        return false
    }

    /// The index of the `>` closing the tag that opens at `open`, skipping quoted values.
    private static func tagEnd(in bytes: UnsafeBufferPointer<UInt8>, from open: Int) -> Int? {
        var quote: UInt8?
        for position in (open + 1)..<bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return position
            }
        }
        return nil
    }

    private static func qualifiedName(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> ArraySlice<UInt8> {
        var end = start
        while end < bytes.count, !endsName(bytes[end]) { end += 1 }
        return Array(bytes[start..<end])[...]
    }

    private static func localName(of name: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, upTo end: Int) -> Bool {
        // A UTF-8 byte order mark may come first.
        var start = 0
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        return (start..<end).allSatisfy { isSpace(bytes[$0]) }
    }

    private static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + from, Int32(byte), bytes.count - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
