import Testing
@testable import powerlist

@Suite struct TableTextTests {
    @Test func joinsLinesBrokenMidPhraseButKeepsSpacesBetweenWords() {
        #expect(DisplayWidth.singleLine("对拒绝\n配合统\n计调查") == "对拒绝配合统计调查")
        #expect(DisplayWidth.singleLine("行政\n确认") == "行政确认")
        #expect(DisplayWidth.singleLine("Item\nname") == "Item name")
        #expect(DisplayWidth.singleLine("第九条\n 【法律】") == "第九条【法律】")
        #expect(DisplayWidth.singleLine("没有 换行") == "没有 换行")
    }

    @Test func cutsLongCellsToTheirWidth() {
        #expect(DisplayWidth.tableCell("对拒绝\n配合统\n计调查的处罚", width: 9) == "对拒绝配…")
    }
}
