import Testing
@testable import Catalogue

@Suite struct TextTableTests {
    @Test func aTextKeepsTheFirstValueStoredForIt() {
        var table = TextTable(capacity: 1)
        #expect(table.insert(1, for: "行政许可") == 1)
        #expect(table.insert(2, for: "行政许可") == 1)
        #expect(table["行政许可"] == 1)
        #expect(table["行政处罚"] == nil)
        #expect(table.count == 1)
    }

    @Test func textsAreToldApartByTheirBytes() {
        var table = TextTable()
        // "é" precomposed and decomposed: equal as `String`s, different bytes.
        table.insert(1, for: "caf\u{E9}")
        table.insert(2, for: "cafe\u{301}")
        #expect(table["caf\u{E9}"] == 1 && table["cafe\u{301}"] == 2)
        // Texts of every length around the eight-byte words, and the empty text.
        let texts = (0...40).map { String(repeating: "权", count: $0 / 3) + String(repeating: "a", count: $0 % 3) }
        for (value, text) in texts.enumerated() { table.insert(Int32(value + 10), for: text) }
        #expect(texts.enumerated().allSatisfy { table[$0.element] == Int32($0.offset + 10) })
    }

    @Test func growingKeepsEveryText() {
        var table = TextTable(capacity: 4)
        for number in 0..<50_000 { table.insert(Int32(number), for: "事项\(number)") }
        #expect(table.count == 50_000)
        #expect((0..<50_000).allSatisfy { table["事项\($0)"] == Int32($0) })
        #expect(table["事项50000"] == nil)
    }
}
