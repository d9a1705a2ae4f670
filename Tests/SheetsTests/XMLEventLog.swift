@testable import Sheets

/// The events of an XML parse as lines of text, to compare `PlainXMLScanner`'s with libxml2's
/// (the tests and `Fuzz/Targets/xml.swift`). Text between two tags is joined: libxml2 hands
/// it over in pieces.
struct XMLEventLog: XMLEventSink {
    private(set) var events: [String] = []
    private var text: [UInt8] = []

    mutating func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        flush()
        var event = "<" + Self.string(name)
        for position in 0..<attributes.count {
            guard let attribute = attributes[position] else { event += " ?"; continue }
            event += " \(Self.string(attribute.name))=\"\(String(decoding: attribute.value, as: UTF8.self))\""
        }
        events.append(event + ">")
    }

    mutating func endElement(_ name: XMLName) {
        flush()
        events.append("</" + Self.string(name) + ">")
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(contentsOf: bytes)
    }

    /// The events, the last text included.
    mutating func finished() -> [String] {
        flush()
        return events
    }

    private mutating func flush() {
        guard !text.isEmpty else { return }
        events.append("text " + String(decoding: text, as: UTF8.self).debugDescription)
        text.removeAll()
    }

    private static func string(_ name: XMLName) -> String {
        String(decoding: UnsafeBufferPointer(start: name.bytes, count: name.count), as: UTF8.self)
    }

    /// The scanner's events for `document`; nil when it leaves the document to libxml2.
    static func scanned(_ document: UnsafeBufferPointer<UInt8>) -> [String]? {
        var log = XMLEventLog()
        guard PlainXMLScanner.scan(document, into: &log) else { return nil }
        return log.finished()
    }

    /// libxml2's events for `document`, as the readers parse (fed whole, then finished); nil
    /// when it rejects the document.
    static func parsed(_ document: UnsafeBufferPointer<UInt8>) -> [String]? {
        let handler = Handler()
        guard let parser = XMLPushParser(handler: handler) else { return nil }
        do {
            try parser.feed(UnsafeRawBufferPointer(document))
            try parser.finish()
        } catch {
            return nil
        }
        return handler.log.finished()
    }

    private final class Handler: XMLStreamHandler {
        var log = XMLEventLog()
        override func startElement(_ name: XMLName, _ attributes: XMLAttributes) { log.startElement(name, attributes) }
        override func endElement(_ name: XMLName) { log.endElement(name) }
        override func characters(_ text: UnsafeBufferPointer<UInt8>) { log.characters(text) }
    }
}
