/// What a sheet carries beyond its values when written: row colours and drop-down lists.
/// Reports use colours to tell kinds of rows apart (a change sheet: abolished red, added
/// green); a sheet a person fills in uses drop-downs so only known answers come back.
public struct SheetDecoration: Sendable {
    /// Background colour of whole rows, by zero-based row index.
    public var rowFills: [Int: FillColor]
    public var listValidations: [ListValidation]

    public init(rowFills: [Int: FillColor] = [:], listValidations: [ListValidation] = []) {
        self.rowFills = rowFills
        self.listValidations = listValidations
    }

    public static let none = SheetDecoration()
}

/// An opaque RGB colour, `FFC7CE`.
public struct FillColor: Hashable, Sendable {
    /// Six hex digits, upper case.
    public var rgb: String

    public init(rgb: String) {
        self.rgb = rgb.uppercased()
    }
}

/// A drop-down list on a range of cells: Excel and WPS offer `choices` and refuse other text.
public struct ListValidation: Hashable, Sendable {
    public var range: CellRange
    public var choices: [String]
    /// Shown when something else is typed.
    public var errorMessage: String?

    public init(range: CellRange, choices: [String], errorMessage: String? = nil) {
        self.range = range
        self.choices = choices
        self.errorMessage = errorMessage
    }

    /// `<dataValidation>`: the choices inline (`"确认,否决,改配"`), at most 255 characters as
    /// Excel allows, so the choices must not contain commas or quotes.
    var xml: String {
        let list = choices.joined(separator: ",")
        var xml = #"<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1""#
        if let errorMessage { xml += #" errorTitle="\#(XLSXParts.escape("无效的值"))" error="\#(XLSXParts.escape(errorMessage))""# }
        xml += #" sqref="\#(range)"><formula1>"\#(XLSXParts.escape(list))"</formula1></dataValidation>"#
        return xml
    }
}

/// The fills of a workbook's decorations as styles: fill 2 + i and cell format 3 + i for the
/// i-th distinct colour (fills 0 and 1 are the two Excel reserves, formats 0–2 the plain ones).
struct FillStyles {
    let colors: [FillColor]

    init(_ decorations: [SheetDecoration]) {
        colors = Array(Set(decorations.flatMap(\.rowFills.values))).sorted { $0.rgb < $1.rgb }
    }

    func styleIndex(of color: FillColor) -> Int { 3 + colors.firstIndex(of: color)! }

    var fillsXML: String {
        colors.map { #"<fill><patternFill patternType="solid"><fgColor rgb="FF\#($0.rgb)"/><bgColor indexed="64"/></patternFill></fill>"# }.joined()
    }

    /// Body cells (top-aligned, wrapped) on each colour.
    var cellFormatsXML: String {
        colors.indices.map { index in
            #"<xf numFmtId="0" fontId="0" fillId="\#(index + 2)" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        }.joined()
    }
}
