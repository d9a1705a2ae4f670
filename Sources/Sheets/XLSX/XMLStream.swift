import CLibXML2
import Foundation

/// An element or attribute local name: UTF-8 bytes in the parser's buffer.
///
/// Compared byte by byte against a literal, so the hot loop never allocates a `String` for a name.
/// Only local names are compared: `x:c`, a Strict-namespace `c` and a plain `c` are the same element.
struct XMLName {
    let bytes: UnsafePointer<UInt8>
    let count: Int

    init(bytes: UnsafePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    /// A NUL-terminated name, as libxml2 hands them over.
    init(cString: UnsafePointer<UInt8>) {
        self.init(bytes: cString, count: strlen(UnsafeRawPointer(cString).assumingMemoryBound(to: CChar.self)))
    }

    @inline(__always)
    func `is`(_ name: StaticString) -> Bool {
        count == name.utf8CodeUnitCount && memcmp(bytes, name.utf8Start, count) == 0
    }
}

/// One attribute of a start tag: its local name and its value, entities decoded.
struct XMLAttribute {
    var name: XMLName
    var value: UnsafeBufferPointer<UInt8>
}

/// The attributes of one start tag: libxml2's SAX2 array of (localname, prefix, URI, value
/// start, value end) pointer quintuples, or the list `PlainXMLScanner` makes.
struct XMLAttributes {
    private let quintuples: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    private let list: UnsafePointer<XMLAttribute>?
    let count: Int

    static var none: XMLAttributes { XMLAttributes(libxml2: nil, count: 0) }

    init(libxml2 quintuples: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) {
        self.quintuples = quintuples
        list = nil
        self.count = quintuples == nil ? 0 : count
    }

    init(_ list: UnsafeBufferPointer<XMLAttribute>) {
        quintuples = nil
        self.list = list.baseAddress
        count = list.baseAddress == nil ? 0 : list.count
    }

    /// The attribute at `position` (below `count`); nil for a malformed quintuple.
    @inline(__always)
    subscript(position: Int) -> XMLAttribute? {
        if let list { return list[position] }
        guard let quintuples else { return nil }
        let quintuple = quintuples + position * 5
        guard let name = quintuple[0], let start = quintuple[3], let end = quintuple[4] else { return nil }
        return XMLAttribute(name: XMLName(cString: name), value: UnsafeBufferPointer(start: start, count: end - start))
    }

    /// The value of the attribute with local name `name`, or nil when absent.
    @inline(__always)
    func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        for position in 0..<count {
            if let attribute = self[position], attribute.name.is(name) { return attribute.value }
        }
        return nil
    }

    func string(_ name: StaticString) -> String? {
        value(name).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// What a parse tells whoever reads it, element by element. `SheetParseState` takes them
/// straight from `PlainXMLScanner`, and through an `XMLStreamHandler` from libxml2.
protocol XMLEventSink {
    mutating func startElement(_ name: XMLName, _ attributes: XMLAttributes)
    mutating func endElement(_ name: XMLName)
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// Receives the events of a streaming XML parse. Subclasses override what they need.
///
/// A class rather than a protocol so the C callbacks reach it through one vtable call.
class XMLStreamHandler {
    /// Set by a handler that met a file past its `ReadLimits`. libxml2's callbacks cannot
    /// throw, so the package checks this after every chunk it feeds and stops the parse.
    var breach: ReadLimitBreach?

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {}
    func endElement(_ name: XMLName) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}

/// Where and why libxml2 rejected a document.
struct XMLParseError: Error {
    var line: Int
    var detail: String
}

/// A libxml2 SAX2 push parser: bytes go in as they are inflated, events come out to a handler.
///
/// Only the element and text callbacks are installed, so a DTD, an external entity or anything
/// else a hostile file might carry is never loaded or expanded, and no tree is ever built.
final class XMLPushParser {
    private let context: xmlParserCtxtPtr
    private let handler: XMLStreamHandler

    /// libxml2 must initialise its globals once before parsers run on several threads.
    private static let initialized: Void = xmlInitParser()

    init?(handler: XMLStreamHandler) {
        _ = Self.initialized
        self.handler = handler
        var sax = xmlSAXHandler()
        sax.initialized = 0xDEED_BEAF // XML_SAX2_MAGIC: use the namespace-aware callbacks below.
        sax.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            withHandler(context) {
                $0.startElement(XMLName(cString: localName), XMLAttributes(libxml2: attributes, count: Int(attributeCount)))
            }
        }
        sax.endElementNs = { context, localName, _, _ in
            guard let context, let localName else { return }
            withHandler(context) { $0.endElement(XMLName(cString: localName)) }
        }
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            withHandler(context) { $0.characters(UnsafeBufferPointer(start: bytes, count: Int(length))) }
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.ignorableWhitespace = characters
        // A structured error handler keeps libxml2 from printing to stderr; the error is read back
        // from the context when a chunk fails.
        sax.serror = { _, _ in }
        let userData = Unmanaged.passUnretained(handler).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&sax, userData, nil, 0, nil) else { return nil }
        self.context = context
        // NOENT decodes `&amp;` and `&#38;` inside attribute values (sheet names). It cannot
        // expand a DTD's entities: without an entityDecl callback none are ever declared.
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NOENT.rawValue | XML_PARSE_NONET.rawValue))
    }

    deinit {
        xmlFreeParserCtxt(context)
    }

    /// Parses the next piece of the document.
    func feed(_ bytes: UnsafeRawBufferPointer) throws(XMLParseError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var offset = 0
        while offset < bytes.count { // xmlParseChunk takes an Int32 length.
            let length = min(bytes.count - offset, 1 << 30)
            let status = xmlParseChunk(context, (base + offset).assumingMemoryBound(to: CChar.self), Int32(length), 0)
            if status != 0 { throw lastError() }
            offset += length
        }
    }

    /// How many elements are open: libxml2's push parser, unlike its pull parser, does not
    /// cap nesting, so the reader checks this between chunks.
    var depth: Int { Int(context.pointee.nameNr) }

    /// Ends the document: reports an error if it is incomplete (e.g. a missing end tag).
    func finish() throws(XMLParseError) {
        if xmlParseChunk(context, nil, 0, 1) != 0 { throw lastError() }
    }

    private func lastError() -> XMLParseError {
        guard let error = xmlCtxtGetLastError(context) else {
            return XMLParseError(line: Int(xmlSAX2GetLineNumber(context)), detail: "unknown error")
        }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        let line = Int(error.pointee.line)
        return XMLParseError(line: line, detail: message.trimmingWhitespace())
    }
}

/// The handler behind libxml2's user-data pointer, borrowed without a retain/release pair:
/// the parser object keeps it alive for the whole parse.
@inline(__always)
private func withHandler(_ context: UnsafeMutableRawPointer, _ body: (XMLStreamHandler) -> Void) {
    Unmanaged<XMLStreamHandler>.fromOpaque(context)._withUnsafeGuaranteedRef(body)
}

private extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
