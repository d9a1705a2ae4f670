import Catalogue
import Testing
@testable import Revisions

@Suite("The fast text key")
struct TextKeyTests {
    @Test("agrees with ItemKey.normalized on every kind of text", arguments: [
        "对拒绝配合统计调查的处罚", "对拒绝\n配合统计调查 ", "建设工程（含变更）审批", "ＡＢＣ１２３许可", "A-1 类, 许可;",
        "《中华人民共和国统计法》第41条", "丽泽", "公共场所卫生许可证核发（新办、延续）", "", "x_y+z=1",
    ])
    func agreesWithItemKey(text: String) {
        #expect(TextKey.normalized(text) == ItemKey.normalized(text))
    }

    @Test("builds the same item keys")
    func itemKeys() {
        #expect(TextKey.itemKey(unit: "克拉玛依市 统计局", name: "统计执法检查（专项）", subItem: nil)
            == ItemKey(unit: "克拉玛依市 统计局", name: "统计执法检查（专项）", subItem: nil))
    }
}
