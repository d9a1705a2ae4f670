/// The small fixed parts of a one-sheet workbook.
enum BoilerplateParts {
    static func all(sheetName: String) -> [(path: String, xml: String)] {
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let package = "http://schemas.openxmlformats.org/package/2006"
        return [
            ("[Content_Types].xml", header + #"""
                <Types xmlns="\#(package)/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
                """#),
            ("_rels/.rels", header + #"""
                <Relationships xmlns="\#(package)/relationships"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """#),
            ("xl/workbook.xml", header + #"""
                <workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets><sheet name="\#(sheetName)" sheetId="1" r:id="rId1"/></sheets></workbook>
                """#),
            ("xl/_rels/workbook.xml.rels", header + #"""
                <Relationships xmlns="\#(package)/relationships"><Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\#(relationships)/styles" Target="styles.xml"/><Relationship Id="rId3" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/></Relationships>
                """#),
            ("xl/styles.xml", header + #"""
                <styleSheet xmlns="\#(main)"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf></cellXfs></styleSheet>
                """#),
        ]
    }
}
