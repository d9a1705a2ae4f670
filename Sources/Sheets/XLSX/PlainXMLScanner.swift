import Foundation

/// Parses a worksheet piece's plain XML straight into a sink, without libxml2: start and end
/// tags, attributes, namespace prefixes, text, the five predefined entities and character
/// references. libxml2's SAX machinery (a name dictionary, attribute arrays, a callback per
/// event) was most of reading a large sheet; this reads it in about half the time.
///
/// An optimisation only, like `SegmentedSheetParse` that uses it: whatever it does not take as
/// plainly well-formed — a comment, CDATA, a DOCTYPE or processing instruction, an unknown
/// entity, a reference in an attribute, a carriage return or control character, a non-ASCII
/// name, an undeclared prefix, an attribute given twice, tags that do not match, an encoding
/// other than UTF-8, invalid UTF-8, nesting past `maxDepth` — makes it answer false, and the
/// bytes go to libxml2, which reads them or says what is wrong and where. For a document it
/// accepts, the sink is told what libxml2 tells it (`Fuzz/Targets/xml.swift` checks this).
struct PlainXMLScanner: ~Copyable {
    /// Sheet XML nests six deep; deeper documents are left to libxml2 and its depth limit.
    static let maxDepth = 64

    private typealias Name = (start: Int, count: Int)

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// The qualified names of the open elements.
    private var open: [Name] = []
    /// The namespace prefixes declared, with the depth of the element declaring each.
    private var prefixes: [(name: Name, depth: Int)] = []
    /// The current tag's attributes and their qualified names: raw buffers, as an array's
    /// uniqueness checks cost more than the rest of a short tag.
    private var attributes: UnsafeMutablePointer<XMLAttribute>
    private var attributeNames: UnsafeMutablePointer<Name>
    private var attributeCount = 0
    private var attributeCapacity = 16
    /// Whether the current tag declared the default namespace.
    private var declaredDefault = false
    /// A text with references, decoded.
    private var decoded: [UInt8] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        open.reserveCapacity(16)
        attributes = .allocate(capacity: attributeCapacity)
        attributeNames = .allocate(capacity: attributeCapacity)
    }

    deinit {
        attributes.deallocate()
        attributeNames.deallocate()
    }

    /// Parses `document` into `sink`; false when libxml2 must read it instead (what `sink` was
    /// given then counts for nothing).
    static func scan<Sink: XMLEventSink>(_ document: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> Bool {
        guard document.baseAddress != nil, isPlainText(document) else { return false }
        var scanner = PlainXMLScanner(document)
        return scanner.run(&sink)
    }

    // MARK: The document

    private mutating func run<Sink: XMLEventSink>(_ sink: inout Sink) -> Bool {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        if startsWith("<?xml"), position + 5 < bytes.count, Self.isSpace(bytes[position + 5]) {
            guard declaration() else { return false }
        }
        var sawRoot = false
        while position < bytes.count {
            let lessThan = index(of: .lessThan, from: position) ?? bytes.count
            if lessThan > position {
                guard text(position..<lessThan, &sink) else { return false }
            }
            guard lessThan + 1 < bytes.count else { return lessThan == bytes.count && sawRoot && open.isEmpty }
            position = lessThan + 1
            switch bytes[position] {
            case .slash:
                guard endTag(&sink) else { return false }
            case .exclamation, .question:
                return false
            default:
                guard !(sawRoot && open.isEmpty), startTag(&sink) else { return false }
                sawRoot = true
            }
        }
        return sawRoot && open.isEmpty
    }

    /// `<?xml version="1.x" encoding="UTF-8" standalone="yes"?>`, the last two optional and
    /// any encoding but UTF-8 left to libxml2.
    private mutating func declaration() -> Bool {
        position += 5
        var seen: [String] = []
        while true {
            let spaced = skipSpace()
            guard position + 1 < bytes.count else { return false }
            if bytes[position] == .question {
                guard bytes[position + 1] == .greaterThan, seen.first == "version" else { return false }
                position += 2
                return true
            }
            let nameStart = position
            guard spaced, let nameEnd = name(from: position), let value = attributeValue(after: nameEnd) else { return false }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self)
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self)
            let order = ["version", "encoding", "standalone"]
            // `version` first, then the others in this order, each once.
            guard let rank = order.firstIndex(of: name), (rank == 0) == seen.isEmpty,
                  rank > seen.last.flatMap({ order.firstIndex(of: $0) }) ?? -1 else { return false }
            switch name {
            case "version":
                guard text.hasPrefix("1."), text.count > 2, text.dropFirst(2).allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    return false
                }
            case "encoding": guard ["utf-8", "utf8"].contains(text.lowercased()) else { return false }
            default: guard text == "yes" || text == "no" else { return false }
            }
            seen.append(name)
        }
    }

    // MARK: Tags

    private mutating func startTag<Sink: XMLEventSink>(_ sink: inout Sink) -> Bool {
        let nameStart = position
        guard let nameEnd = name(from: position), let local = localName(nameStart..<nameEnd) else { return false }
        position = nameEnd
        attributeCount = 0
        declaredDefault = false
        let depth = open.count + 1
        while true {
            let spaced = skipSpace()
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case .greaterThan:
                position += 1
                guard depth <= Self.maxDepth, namesAreDeclared(element: (nameStart, nameEnd - nameStart)) else { return false }
                open.append((nameStart, nameEnd - nameStart))
                startElement(local, &sink)
                return true
            case .slash:
                guard position + 1 < bytes.count, bytes[position + 1] == .greaterThan,
                      namesAreDeclared(element: (nameStart, nameEnd - nameStart)) else { return false }
                position += 2
                startElement(local, &sink)
                sink.endElement(local)
                forgetPrefixes(deeperThan: depth - 1)
                return true
            default:
                guard spaced, attribute(depth: depth) else { return false }
            }
        }
    }

    @inline(__always)
    private mutating func startElement<Sink: XMLEventSink>(_ name: XMLName, _ sink: inout Sink) {
        sink.startElement(name, XMLAttributes(UnsafeBufferPointer(start: attributes, count: attributeCount)))
    }

    /// One `name="value"`. A namespace declaration is remembered, not reported (nor does libxml2
    /// report it as an attribute).
    @inline(__always)
    private mutating func attribute(depth: Int) -> Bool {
        let nameStart = position
        guard let nameEnd = name(from: position), let value = attributeValue(after: nameEnd) else { return false }
        let qualified = (start: nameStart, count: nameEnd - nameStart)
        if let declared = namespaceDeclaration(qualified) {
            return declare(declared, depth: depth, empty: value.isEmpty)
        }
        guard let local = localName(nameStart..<nameEnd) else { return false }
        for earlier in 0..<attributeCount where attributes[earlier].name.same(as: local) { return false }
        if attributeCount == attributeCapacity { grow() }
        attributeNames[attributeCount] = qualified
        attributes[attributeCount] = XMLAttribute(name: local, value: UnsafeBufferPointer(rebasing: bytes[value]))
        attributeCount += 1
        return true
    }

    /// The value after `= "…"` or `= '…'`, which must hold no reference, tab or line break
    /// (libxml2 decodes or normalizes those).
    @inline(__always)
    private mutating func attributeValue(after nameEnd: Int) -> Range<Int>? {
        position = nameEnd
        skipSpace()
        guard position < bytes.count, bytes[position] == .equals else { return nil }
        position += 1
        skipSpace()
        guard position < bytes.count, bytes[position] == .quote || bytes[position] == .apostrophe,
              let close = index(of: bytes[position], from: position + 1) else { return nil }
        let value = (position + 1)..<close
        position = close + 1
        for index in value where bytes[index] < 0x20 || bytes[index] == .lessThan || bytes[index] == .ampersand {
            return nil
        }
        return value
    }

    private mutating func grow() {
        let capacity = attributeCapacity * 2
        let (newAttributes, newNames) = (UnsafeMutablePointer<XMLAttribute>.allocate(capacity: capacity),
                                         UnsafeMutablePointer<Name>.allocate(capacity: capacity))
        newAttributes.moveInitialize(from: attributes, count: attributeCount)
        newNames.moveInitialize(from: attributeNames, count: attributeCount)
        attributes.deallocate()
        attributeNames.deallocate()
        (attributes, attributeNames, attributeCapacity) = (newAttributes, newNames, capacity)
    }

    private mutating func endTag<Sink: XMLEventSink>(_ sink: inout Sink) -> Bool {
        let nameStart = position + 1
        guard let nameEnd = name(from: nameStart), let top = open.last,
              same(top, (nameStart, nameEnd - nameStart)), let local = localName(nameStart..<nameEnd) else { return false }
        position = nameEnd
        skipSpace()
        guard position < bytes.count, bytes[position] == .greaterThan else { return false }
        position += 1
        open.removeLast()
        sink.endElement(local)
        forgetPrefixes(deeperThan: open.count)
        return true
    }

    // MARK: Namespaces

    /// What `xmlns` or `xmlns:p` declares: the prefix's name (empty for the default namespace);
    /// nil for any other attribute.
    @inline(__always)
    private func namespaceDeclaration(_ name: Name) -> Name?? {
        let xmlns = "xmlns".utf8
        guard name.count >= xmlns.count, bytes[name.start..<(name.start + xmlns.count)].elementsEqual(xmlns) else {
            return nil
        }
        if name.count == xmlns.count { return .some(nil) }
        guard bytes[name.start + xmlns.count] == .colon else { return nil }
        return .some((name.start + xmlns.count + 1, name.count - xmlns.count - 1))
    }

    /// Remembers a declaration of this tag; false for one libxml2 would refuse or that is given
    /// twice (a prefix bound to nothing, or the reserved `xml` and `xmlns`).
    private mutating func declare(_ prefix: Name?, depth: Int, empty: Bool) -> Bool {
        guard let prefix else {
            defer { declaredDefault = true }
            return !declaredDefault
        }
        guard !empty, prefix.count > 0, !isReserved(prefix),
              !prefixes.contains(where: { $0.depth == depth && same($0.name, prefix) }) else { return false }
        prefixes.append((prefix, depth))
        return true
    }

    /// Whether the prefixes of the element and of the attributes just read are declared.
    private func namesAreDeclared(element: Name) -> Bool {
        guard isDeclared(prefix(of: element)) else { return false }
        for index in 0..<attributeCount where !isDeclared(prefix(of: attributeNames[index])) { return false }
        return true
    }

    private func isDeclared(_ prefix: Name?) -> Bool {
        guard let prefix else { return true }
        if bytes[prefix.start..<(prefix.start + prefix.count)].elementsEqual("xml".utf8) { return true }
        return prefixes.contains { same($0.name, prefix) }
    }

    private func prefix(of name: Name) -> Name? {
        for index in name.start..<(name.start + name.count) where bytes[index] == .colon {
            return (name.start, index - name.start)
        }
        return nil
    }

    private func isReserved(_ prefix: Name) -> Bool {
        let text = bytes[prefix.start..<(prefix.start + prefix.count)]
        return text.elementsEqual("xml".utf8) || text.elementsEqual("xmlns".utf8)
    }

    private mutating func forgetPrefixes(deeperThan depth: Int) {
        while let last = prefixes.last, last.depth > depth { prefixes.removeLast() }
    }

    // MARK: Text

    /// Text between tags: whitespace outside the root; references decoded inside it.
    private mutating func text<Sink: XMLEventSink>(_ range: Range<Int>, _ sink: inout Sink) -> Bool {
        if open.isEmpty { return bytes[range].allSatisfy(Self.isSpace) }
        var needsDecoding = false
        for index in range {
            switch bytes[index] {
            case .ampersand: needsDecoding = true
            // `]]>` may not stand in text.
            case .greaterThan where index >= range.lowerBound + 2
                && bytes[index - 1] == .closingBracket && bytes[index - 2] == .closingBracket: return false
            default: continue
            }
        }
        guard needsDecoding else {
            sink.characters(UnsafeBufferPointer(rebasing: bytes[range]))
            return true
        }
        guard decode(range) else { return false }
        decoded.withUnsafeBufferPointer { sink.characters($0) }
        return true
    }

    /// `range` with its entity and character references replaced, into `decoded`.
    private mutating func decode(_ range: Range<Int>) -> Bool {
        decoded.removeAll(keepingCapacity: true)
        var index = range.lowerBound
        while index < range.upperBound {
            guard bytes[index] == .ampersand else {
                decoded.append(bytes[index])
                index += 1
                continue
            }
            guard let semicolon = (index + 1..<min(range.upperBound, index + 12)).first(where: { bytes[$0] == .semicolon }),
                  let scalar = reference(bytes[(index + 1)..<semicolon]) else { return false }
            decoded.append(contentsOf: String(Character(scalar)).utf8)
            index = semicolon + 1
        }
        return true
    }

    /// The character `&name;` stands for: one of the five predefined entities, or a decimal or
    /// hexadecimal character reference to a character XML allows.
    private func reference(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
        switch String(decoding: UnsafeBufferPointer(rebasing: name), as: UTF8.self) {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        case let other where other.hasPrefix("#x"):
            return Self.digits(other.dropFirst(2), radix: 16).flatMap(Self.xmlCharacter)
        case let other where other.hasPrefix("#"):
            return Self.digits(other.dropFirst(), radix: 10).flatMap(Self.xmlCharacter)
        default: return nil
        }
    }

    /// Digits alone (no sign, unlike `UInt32(_:radix:)`).
    private static func digits(_ text: Substring, radix: Int) -> UInt32? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && (radix == 16 ? $0.isHexDigit : $0.isNumber) }) else {
            return nil
        }
        return UInt32(text, radix: radix)
    }

    /// The scalar when XML 1.0 allows it as a character (its `Char` production).
    private static func xmlCharacter(_ value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: Unicode.Scalar(value)
        default: nil
        }
    }

    // MARK: Names

    /// The end of the ASCII name starting at `start`; nil when there is none, or it is not
    /// followed by what may follow a name.
    @inline(__always)
    private func name(from start: Int) -> Int? {
        guard start < bytes.count, Self.startsName(bytes[start]) else { return nil }
        var end = start + 1
        while end < bytes.count, Self.continuesName(bytes[end]) { end += 1 }
        guard end < bytes.count else { return nil }
        let next = bytes[end]
        return Self.isSpace(next) || next == .greaterThan || next == .slash || next == .equals ? end : nil
    }

    /// The part after the prefix (libxml2's local name); nil for a name with an empty part or
    /// a second colon.
    @inline(__always)
    private func localName(_ range: Range<Int>) -> XMLName? {
        let base = bytes.baseAddress!
        var local = range.lowerBound
        for index in range where bytes[index] == .colon {
            guard local == range.lowerBound, index > range.lowerBound, index + 1 < range.upperBound else { return nil }
            local = index + 1
        }
        guard Self.startsName(bytes[local]) else { return nil }
        return XMLName(bytes: base + local, count: range.upperBound - local)
    }

    @inline(__always)
    private func same(_ a: Name, _ b: Name) -> Bool {
        a.count == b.count && memcmp(bytes.baseAddress! + a.start, bytes.baseAddress! + b.start, a.count) == 0
    }

    @inline(__always)
    private static func startsName(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    @inline(__always)
    private static func continuesName(_ byte: UInt8) -> Bool {
        startsName(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == .colon
    }

    // MARK: Bytes

    /// True when `bytes` are valid UTF-8 holding no character XML forbids and no carriage
    /// return (which libxml2 would turn into a line feed): control characters other than tab
    /// and line feed, U+FFFE and U+FFFF.
    static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // No byte below 0x20 and none at or above 0x80: plain ASCII.
                let low = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                if low == 0, word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let byte = base[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A { return false }
            if byte == 0xEF, index + 2 < bytes.count, base[index + 1] == 0xBF, base[index + 2] >= 0xBE { return false }
            index += 1
        }
        return UTF8Validator.firstInvalidOffset(in: UnsafeRawBufferPointer(bytes)) == nil
    }

    @inline(__always) @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = position
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        return position > start
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func startsWith(_ literal: String) -> Bool {
        let utf8 = literal.utf8
        return position + utf8.count <= bytes.count && bytes[position..<(position + utf8.count)].elementsEqual(utf8)
    }

    @inline(__always)
    private func index(of byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let found = memchr(bytes.baseAddress! + start, Int32(byte), bytes.count - start) else {
            return nil
        }
        return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

extension XMLName {
    @inline(__always)
    func same(as other: XMLName) -> Bool {
        count == other.count && memcmp(bytes, other.bytes, count) == 0
    }
}

private extension UInt8 {
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let slash = UInt8(ascii: "/")
    static let exclamation = UInt8(ascii: "!")
    static let question = UInt8(ascii: "?")
    static let equals = UInt8(ascii: "=")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let ampersand = UInt8(ascii: "&")
    static let semicolon = UInt8(ascii: ";")
    static let colon = UInt8(ascii: ":")
    static let closingBracket = UInt8(ascii: "]")
}
