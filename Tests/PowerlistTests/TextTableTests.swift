import Testing
@testable import powerlist

@Suite struct TextTableTests {
    @Test func countsChineseCharactersAsTwoColumns() {
        #expect(DisplayWidth.of("行政许可") == 8)
        #expect(DisplayWidth.of("A1（全角）") == 2 + 8)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func padsCellsToTheWidestInTheirColumn() {
        var table = TextTable(headers: ["序号", "名称"])
        table.append(["1", "对外贸易经营者备案登记"])
        table.append(["12", "abc"])
        #expect(table.render() == """
            序号  名称
            ────  ──────────────────────
            1     对外贸易经营者备案登记
            12    abc
            """)
    }

    @Test func cutsLongCellsWithAnEllipsis() {
        #expect(DisplayWidth.truncate("对拒绝配合统计调查的处罚", to: 9) == "对拒绝配…")
        #expect(DisplayWidth.truncate("短", to: 9) == "短")
    }

    @Test func joinsLinesBrokenMidPhraseButKeepsSpacesBetweenWords() {
        #expect(DisplayWidth.singleLine("对拒绝\n配合统\n计调查") == "对拒绝配合统计调查")
        #expect(DisplayWidth.singleLine("行政\n确认") == "行政确认")
        #expect(DisplayWidth.singleLine("Item\nname") == "Item name")
        #expect(DisplayWidth.singleLine("第九条\n 【法律】") == "第九条【法律】")
    }
}
