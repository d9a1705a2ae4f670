/// What `xl/workbook.xml` and its relationships say about the package: the worksheets in
/// order with their names, visibility and parts, where the shared strings and styles are,
/// and which date system the serial numbers count from.
struct XLSXWorkbookLayout {
    struct SheetEntry {
        var name: String
        var isHidden: Bool
        /// The worksheet part, e.g. `xl/worksheets/sheet1.xml`.
        var part: String
    }

    var workbookPart: String
    var sheets: [SheetEntry] = []
    var sharedStringsPart: String?
    var stylesPart: String?
    /// Serial 0 is 1904-01-01 instead of 1899-12-31 (old Mac workbooks).
    var date1904 = false

    static func read(from package: XLSXPackage) throws(SheetsError) -> XLSXWorkbookLayout {
        let workbookPart = try findWorkbookPart(in: package)
        let relationships = try XLSXRelationship.read(of: workbookPart, in: package)
        let handler = WorkbookHandler()
        try package.parse(workbookPart, with: handler)

        var layout = XLSXWorkbookLayout(workbookPart: workbookPart, date1904: handler.date1904)
        let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        // Generators that write no shared strings or styles sometimes still list the part.
        layout.sharedStringsPart = existingTarget(of: "sharedStrings", in: relationships, package)
            ?? fallback(folder, "sharedStrings.xml", in: package)
        layout.stylesPart = existingTarget(of: "styles", in: relationships, package)
            ?? fallback(folder, "styles.xml", in: package)

        for (index, sheet) in handler.sheets.enumerated() {
            let relationship = sheet.relationshipID.flatMap { id in relationships.first { $0.id == id } }
            // Chart sheets, dialog sheets and macro sheets hold no cells.
            if let relationship, relationship.kind != "worksheet" { continue }
            // Without a usable relationship, fall back on the conventional part name.
            let conventional = (folder.isEmpty ? "" : "\(folder)/") + "worksheets/sheet\(index + 1).xml"
            guard let part = relationship?.target ?? (package.contains(conventional) ? conventional : nil) else {
                throw SheetsError(file: package.file.path, sheet: sheet.name, reason: .missingPart(conventional))
            }
            layout.sheets.append(SheetEntry(name: sheet.name, isHidden: sheet.isHidden, part: part))
        }
        return layout
    }

    /// The officeDocument relationship of `_rels/.rels`, or `xl/workbook.xml` when there is none.
    private static func findWorkbookPart(in package: XLSXPackage) throws(SheetsError) -> String {
        let rootRelationships = (try? XLSXRelationship.read(of: "", in: package)) ?? []
        if let target = rootRelationships.first(where: { $0.kind == "officeDocument" })?.target,
           package.contains(target) {
            return target
        }
        guard package.contains("xl/workbook.xml") else {
            throw SheetsError(file: package.file.path, reason: .missingPart("xl/workbook.xml"))
        }
        return "xl/workbook.xml"
    }

    private static func existingTarget(of kind: String, in relationships: [XLSXRelationship],
                                       _ package: XLSXPackage) -> String? {
        relationships.first { $0.kind == kind && package.contains($0.target) }?.target
    }

    private static func fallback(_ folder: String, _ name: String, in package: XLSXPackage) -> String? {
        let part = folder.isEmpty ? name : "\(folder)/\(name)"
        return package.contains(part) ? part : nil
    }
}

/// One `<Relationship>` of a `.rels` part, with its target resolved to a part name.
struct XLSXRelationship {
    var id: String
    /// The last segment of the type URI (`worksheet`, `sharedStrings`, …), the same in
    /// transitional and Strict OOXML.
    var kind: String
    var target: String

    /// The relationships of `part` ("" for the package itself); none when the `.rels` part is absent.
    static func read(of part: String, in package: XLSXPackage) throws(SheetsError) -> [XLSXRelationship] {
        let relsPart = XLSXPackage.relationshipsPart(of: part)
        guard package.contains(relsPart) else { return [] }
        let handler = RelationshipsHandler()
        try package.parse(relsPart, with: handler)
        return handler.relationships.compactMap { raw in
            guard !raw.external else { return nil }
            let kind = raw.type.split(separator: "/").last.map(String.init) ?? raw.type
            return XLSXRelationship(id: raw.id, kind: kind, target: XLSXPackage.resolve(raw.target, from: part))
        }
    }
}

private final class RelationshipsHandler: XMLStreamHandler {
    struct Raw { var id, type, target: String; var external: Bool }
    var relationships: [Raw] = []

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        guard name.is("Relationship"), let id = attributes.string("Id"),
              let target = attributes.string("Target") else { return }
        let external = attributes.string("TargetMode")?.lowercased() == "external"
        relationships.append(Raw(id: id, type: attributes.string("Type") ?? "", target: target, external: external))
    }
}

private final class WorkbookHandler: XMLStreamHandler {
    struct Raw { var name: String; var isHidden: Bool; var relationshipID: String? }
    var sheets: [Raw] = []
    var date1904 = false

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("sheet") {
            let state = attributes.string("state")?.lowercased()
            sheets.append(Raw(name: attributes.string("name") ?? "Sheet\(sheets.count + 1)",
                              isHidden: state == "hidden" || state == "veryhidden",
                              relationshipID: attributes.string("id")))
        } else if name.is("workbookPr") {
            date1904 = attributes.value("date1904").map(OOXMLText.isTrue) ?? false
        }
    }
}
