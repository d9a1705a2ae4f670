import Testing
@testable import Catalogue

@Suite struct CitationEqualityTests {
    private let citation = Citation(text: "【法律】《中华人民共和国统计法》第三条", rankTag: "法律", taggedRank: .law,
                                    title: "中华人民共和国统计法", note: "2009年修订", quotedText: "“……”", cell: "E3")

    @Test func equalButForTheCell() {
        var other = citation
        other.cell = "E9"
        #expect(citation.equalsIgnoringCell(other))
        #expect(Citation.equalIgnoringCell([citation], [other]))
        #expect(citation != other)
        for change in [{ (c: inout Citation) in c.text += "。" }, { $0.rankTag = nil }, { $0.taggedRank = nil },
                       { $0.title = "统计法" }, { $0.note = nil }, { $0.quotedText = nil },
                       { $0.resolution = .notInRegistry }] {
            var changed = citation
            change(&changed)
            #expect(!citation.equalsIgnoringCell(changed))
            #expect(!Citation.equalIgnoringCell([citation], [changed]))
        }
    }

    /// `equalsIgnoringCell` lists the properties by hand: a new one must be added there.
    @Test func everyPropertyButTheCellIsCompared() {
        let properties = Mirror(reflecting: citation).children.compactMap(\.label)
        #expect(properties == ["text", "rankTag", "taggedRank", "title", "note", "articles", "quotedText", "resolution", "cell"])
    }
}
