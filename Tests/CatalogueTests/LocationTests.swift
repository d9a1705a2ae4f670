import Catalogue
import Testing

@Suite struct LocationTests {
    @Test("Sheet names are quoted where Excel quotes them",
          arguments: [("Sheet1", "Sheet1!B2"), ("权责清单", "权责清单!B2"), ("行政许可（1项）", "'行政许可（1项）'!B2"),
                      ("My Sheet", "'My Sheet'!B2"), ("It's", "'It''s'!B2"), ("2024", "'2024'!B2"),
                      ("A1", "'A1'!B2"), ("R1C1", "'R1C1'!B2"), ("v1.2_final", "v1.2_final!B2")])
    func excelReference(sheet: String, reference: String) {
        #expect(Location.excelReference(sheet: sheet, cell: "B2") == reference)
    }

    @Test func aLocationReadsAsFileThenReference() {
        #expect(Location(file: "a.xlsx", sheet: "行政许可（1项）", cell: "B2").description == "a.xlsx '行政许可（1项）'!B2")
        #expect(Location(file: "a.xlsx", sheet: "行政许可（1项）").description == "a.xlsx '行政许可（1项）'")
        #expect(Location(file: "a.xlsx").description == "a.xlsx")
    }
}
