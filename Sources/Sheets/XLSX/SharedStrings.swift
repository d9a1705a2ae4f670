/// The shared-string table (`xl/sharedStrings.xml`): every distinct text of the workbook,
/// which cells with `t="s"` refer to by index.
///
/// Cells get the table's own `String`s, so a text repeated in thousands of cells is stored once.
enum SharedStrings {
    static func read(from package: XLSXPackage, part: String, limits: ReadLimits = .excel) throws(SheetsError) -> [String] {
        let handler = SharedStringsHandler(limits: limits)
        try package.parse(part, with: handler)
        return handler.strings
    }
}

/// `<si>` is either `<t>text</t>` or rich text: runs `<r><t>…</t></r>` that are concatenated.
/// Phonetic guides (`<rPh><t>…</t></rPh>`, furigana) are not part of the text.
/// A table longer than `maxCells` or a string longer than `maxCellCharacters` is refused.
private final class SharedStringsHandler: XMLStreamHandler {
    var strings: [String] = []
    private let limits: ReadLimits
    private var text = TextBuffer()
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    init(limits: ReadLimits) {
        self.limits = limits
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("si") {
            inItem = true
            text.removeAll()
        } else if name.is("t") {
            inText = inItem && phoneticDepth == 0
        } else if name.is("rPh") {
            phoneticDepth += 1
        } else if name.is("sst"), let count = attributes.value("uniqueCount").flatMap(OOXMLText.integer) {
            strings.reserveCapacity(min(count, 1 << 22)) // a hint only: never trust it for a huge allocation
        }
    }

    override func endElement(_ name: XMLName) {
        if name.is("t") {
            inText = false
        } else if name.is("si") {
            let string = text.makeString()
            inItem = false
            if string.utf8.count > limits.maxCellCharacters, string.utf16.count > limits.maxCellCharacters {
                breach = ReadLimitBreach(violation: .cellCharacters(limit: limits.maxCellCharacters))
            } else if strings.count >= limits.maxCells {
                breach = ReadLimitBreach(violation: .sharedStrings(limit: limits.maxCells))
            }
            if breach == nil { strings.append(string) }
        } else if name.is("rPh") {
            phoneticDepth -= 1
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard inText else { return }
        if text.count + bytes.count > limits.maxCellBytes {
            breach = ReadLimitBreach(violation: .cellCharacters(limit: limits.maxCellCharacters))
        } else {
            text.append(bytes)
        }
    }
}
