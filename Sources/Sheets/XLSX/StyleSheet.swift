/// What the reader needs from `xl/styles.xml`: which cell styles (`<c s="…">`) show a date.
///
/// A date in XLSX is a plain number whose cell style points (cellXfs → numFmtId) at a date
/// number format, either a built-in id or a custom `formatCode`; `NumberFormat` decides which.
struct StyleSheet {
    /// Indexed by the cell's `s` attribute.
    var dateStyles: [Bool] = []

    @inline(__always)
    func isDate(style: Int) -> Bool {
        style >= 0 && style < dateStyles.count && dateStyles[style]
    }

    static func read(from package: XLSXPackage, part: String) throws(SheetsError) -> StyleSheet {
        let handler = StylesHandler()
        try package.parse(part, with: handler)
        return StyleSheet(dateStyles: handler.cellFormatIDs.map { id in
            NumberFormat.isDate(id: id, customCodes: handler.customFormats)
        })
    }
}

/// Reads `<numFmts>` and the `<cellXfs>` list, ignoring `<cellStyleXfs>` and everything else.
private final class StylesHandler: XMLStreamHandler {
    var customFormats: [Int: String] = [:]
    var cellFormatIDs: [Int] = []
    private var inCellFormats = false

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("numFmt") {
            if let id = attributes.value("numFmtId").flatMap(OOXMLText.integer),
               let code = attributes.string("formatCode") {
                customFormats[id] = code
            }
        } else if name.is("cellXfs") {
            inCellFormats = true
        } else if inCellFormats, name.is("xf") {
            cellFormatIDs.append(attributes.value("numFmtId").flatMap(OOXMLText.integer) ?? 0)
        }
    }

    override func endElement(_ name: XMLName) {
        if name.is("cellXfs") { inCellFormats = false }
    }
}
