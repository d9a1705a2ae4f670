import Catalogue
import Foundation
import GRDB
import Testing
@testable import Store

/// What makes a large import fast must not change what it stores: indexes dropped during the
/// first import come back as defined, and texts found by string identity get their own ids.
@Suite struct BulkImportTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace.open(folder: StoreFixtures.temporaryFolder())
    }

    private func indexes() throws -> [String] {
        try workspace.database.read { db in
            try String.fetchAll(db, sql: "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        }
    }

    private func importFile(_ path: String, sha256: String, _ items: [RawItem], findings: [Finding] = []) throws {
        _ = try workspace.importSource(StoreFixtures.source(path, sha256: sha256), revision: "2024") {
            StoreFixtures.contents(items, findings: findings)
        }
    }

    @Test func theFirstImportIntoAnEmptyWorkspaceLeavesEveryIndexAsDefined() throws {
        let defined = try indexes()
        #expect(defined.contains { $0.hasPrefix("texts_on_hash:") })
        try importFile("商务局.xlsx", sha256: "aaa", [StoreFixtures.item("甲"), StoreFixtures.item("乙")])
        #expect(try indexes() == defined)
        try importFile("统计局.xlsx", sha256: "bbb", [StoreFixtures.item("丙")])
        #expect(try indexes() == defined)
        #expect(try workspace.items().map(\.item.name) == ["甲", "乙", "丙"])
    }

    @Test func aFailedFirstImportLeavesTheIndexesInPlace() throws {
        let defined = try indexes()
        var broken = StoreFixtures.item("坏")
        broken.provenance.firstRow = 9
        broken.provenance.lastRow = 8
        #expect(throws: StoreError.self) {
            try importFile("商务局.xlsx", sha256: "aaa", [StoreFixtures.item("甲"), broken])
        }
        #expect(try indexes() == defined)
    }

    @Test func aFileOfSeveralPreparedPiecesTiesEachFindingToItsOwnItem() throws {
        let count = ChunkPreparation.pieceSize * 2 + 5
        let raws = (0..<count).map { StoreFixtures.item("事项\($0)", rows: ($0 + 4)...($0 + 4)) }
        let about = [0, ChunkPreparation.pieceSize + 1, count - 1].map { StoreFixtures.key(raws[$0]) }
        let findings = about.map { key in
            Finding(code: .missingSerial, severity: .warning, message: "缺少序号：\(key.rawValue)",
                    location: Location(file: "商务局.xlsx"), item: key)
        }
        try importFile("商务局.xlsx", sha256: "aaa", raws, findings: findings)
        let tied = try workspace.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT itemRecords.itemKey, itemKeyText.text AS findingKey, itemRecords.position FROM findings
                JOIN itemRecords ON itemRecords.id = findings.itemId
                JOIN texts AS itemKeyText ON itemKeyText.id = findings.itemKeyId ORDER BY findings.id
                """).map { [$0["itemKey"], $0["findingKey"], String($0["position"] as Int)] }
        }
        #expect(tied == zip(about, [0, ChunkPreparation.pieceSize + 1, count - 1]).map { [$0.rawValue, $0.rawValue, String($1)] })
        #expect(try workspace.items().count == count)
        // One text per distinct value: the serial and category every item shares, and each name.
        let texts = try workspace.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM texts") }
        #expect(texts == 2 + count + findings.count * 2 + 1)
    }

    @Test func equalTextsInSeparateStringsShareOneIDAndDifferentTextsDoNot() throws {
        let long = "《中华人民共和国统计法》第三十七条"
        let copy = String(decoding: Array(long.utf8), as: UTF8.self)   // same bytes, its own storage
        let other = "《中华人民共和国统计法》第三十八条"
        let ids = try workspace.database.write { db in
            var texts = try TextIDs(db)
            return try [long, copy, long, other, copy].map { try texts.id(of: $0) }
        }
        #expect(ids[0] == ids[1] && ids[1] == ids[2] && ids[2] == ids[4])
        #expect(ids[3] != ids[0])
    }

    @Test func seenStringsAnswerOnlyForTheVeryStringRemembered() {
        var seen = SeenStrings()
        let text = "中华人民共和国行政许可法第十二条"
        let copy = String(decoding: Array(text.utf8), as: UTF8.self)
        seen.remember(text, id: 7)
        #expect(seen.id(of: text) == 7)
        #expect(seen.id(of: copy) == nil)
        let short = "行政许可"   // 12 bytes: kept inside the String value, never remembered
        seen.remember(short, id: 8)
        #expect(seen.id(of: short) == nil)
    }

    @Test func seenStringsNeverGiveAnotherStringsIDWhenSlotsAreReused() {
        var seen = SeenStrings()
        var expected: [Int64] = []
        var strings: [String] = []
        for index in 0..<300_000 {
            let text = "第\(index)条：对违反本法规定的行为予以处罚"
            if index.isMultiple(of: 3) { strings.append(text); expected.append(Int64(index)) }
            seen.remember(text, id: Int64(index))
        }
        // Every string asked for is alive; each answer is its own id or none (its slot was taken).
        let answers = strings.map { seen.id(of: $0) }
        #expect(zip(answers, expected).allSatisfy { $0 == nil || $0 == $1 })
        #expect(answers.contains { $0 != nil })
    }
}
