import Foundation
import Testing
@testable import Catalogue

@Suite("Texts by field, one slot per field")
struct FieldValuesTests {
    @Test("Setting, replacing and clearing a field keep the count; an emptied set equals an empty one")
    func countAndEquality() {
        var values = FieldValues()
        #expect(values.isEmpty && values[.name] == nil)
        values[.name] = "对违反统计法行为的处罚"
        values[.basis] = "《中华人民共和国统计法》第三十七条"
        values[.name] = "对统计违法行为的处罚"
        #expect(values.count == 2)
        #expect(values[.name] == "对统计违法行为的处罚")
        values[.remarks] = nil
        #expect(values.count == 2)
        #expect(values.removeValue(forKey: .basis) == "《中华人民共和国统计法》第三十七条")
        values[.name] = nil
        #expect(values.isEmpty)
        #expect(values == FieldValues())
        #expect(values.hashValue == FieldValues().hashValue)
    }

    @Test("Iteration, keys and values come in field order, whatever the order they were set in")
    func fieldOrder() {
        let values: FieldValues = [.remarks: "备注", .serial: "1", .basis: "依据", .name: "名称"]
        #expect(values.keys == [.serial, .name, .basis, .remarks])
        #expect(values.values == ["1", "名称", "依据", "备注"])
        #expect(values.map(\.key) == values.keys)
    }

    @Test("filter and mapValues give field values; equal contents are equal and hash alike")
    func transforms() {
        let values: FieldValues = [.serial: "1", .name: " 名称 ", .basis: "依据"]
        #expect(values.filter { $0.key == .serial } == [.serial: "1"])
        #expect(values.mapValues { $0.trimmingCharacters(in: .whitespaces) }[.name] == "名称")
        let same = FieldValues([(.basis, "依据"), (.name, " 名称 "), (.serial, "1")])
        #expect(same == values && same.hashValue == values.hashValue)
        #expect(values != [.serial: "1", .name: " 名称 "])
    }

    @Test("Encoded and decoded as the dictionary it stands for")
    func codableAsDictionary() throws {
        let values: FieldValues = [.serial: "1", .name: "名称", .remarks: "备注"]
        let dictionary: [ItemField: String] = [.serial: "1", .name: "名称", .remarks: "备注"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = try encoder.encode(values)
        let decodedAsDictionary = try JSONDecoder().decode([ItemField: String].self, from: encoded)
        #expect(decodedAsDictionary == dictionary)
        #expect(try JSONDecoder().decode(FieldValues.self, from: try encoder.encode(dictionary)) == values)
    }
}
