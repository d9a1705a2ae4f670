import Catalogue
import Cleanup
import Concurrency
import Foundation
import Importer
import Revisions
import Sheets

/// A file-to-file diff of two CSV files of the simple shape (`CSVSide`), with the records that
/// are byte for byte the same on both sides (the serial aside) set aside before the importer:
/// on a yearly revision nine in ten are, and importing, naming and pairing them was most of
/// the command.
///
/// A record whose bytes, but its serial, occur once in each file is a *twin*. Only the other
/// records, and one representative record per distinct 行使主体 and level (the context of the
/// units, see `CSVSide`), go through the importer. A twin becomes a raw item of the fields
/// `Cleaner.named` reads, with the unit its representative got, so `IdenticalPairs` sees every
/// item of both sides, as in the full path; it keeps the pairs whose records are all twins of
/// each other. A twin left unpaired (a code held twice, say) is imported after all, and goes
/// to the full comparison with the other records.
///
/// ```swift
/// if let sides = IdenticalRecords.read(oldFile, newFile, importer: importer, limits: .excel,
///                                      cleaner: { cleaner }, region: nil) {
///     let changes = RevisionDiff.compare(old: clean(sides.old), new: clean(sides.new), settled: sides.settled)
/// }
/// ```
enum IdenticalRecords {
    /// Each side's raw items not settled, in file order, and the settled pairs' changes; nil
    /// when a file is not of the simple shape (read it whole then).
    static func read(_ old: SourceFiles.File, _ new: SourceFiles.File, importer: Importer, limits: ReadLimits,
                     cleaner: () throws -> Cleaner, region: Region?)
        rethrows -> (old: [RawItem], new: [RawItem], settled: [Change])? {
        let sides = Concurrent.map(2) { CSVSide($0 == 0 ? old : new, importer: importer, limits: limits) }
        guard let oldSide = sides[0], let newSide = sides[1], oldSide.hasColumns(of: newSide) else { return nil }
        let twins = Twins(oldSide, newSide)
        DiffTiming.lap("split both files into records, found twins")
        let imports = Concurrent.map(2) { side in
            SideImport(side == 0 ? oldSide : newSide, twins: side == 0 ? twins.newOfOld : twins.oldOfNew, importer: importer)
        }
        guard let oldImport = imports[0], let newImport = imports[1] else { return nil }
        DiffTiming.lap("imported the rest")
        let cleaner = try cleaner()
        let namedOld = cleaner.named(oldImport.items)
        // A twin item on both sides: its name and code are the same bytes on both.
        let twinOf = newImport.items.indices.map { index in
            let partner = twins.oldOfNew[index]
            return partner >= 0 && newImport.isTwin[index] && oldImport.isTwin[partner] ? partner : -1
        }
        let namedNew = Self.named(newImport.items, twinOf: twinOf, old: namedOld, cleaner: cleaner)
        DiffTiming.lap("named")
        let partners = twins.newOfOld
        // Twins are one to one: the same count, and each old record's twin among the new ones.
        let pairs = IdenticalPairs(old: namedOld, new: namedNew, region: region, twinOf: twinOf) { oldIndices, newIndices in
            oldIndices.count == newIndices.count
                && oldIndices.allSatisfy { partners[$0] >= 0 && newIndices.contains(partners[$0]) }
        }
        DiffTiming.lap("identical pairs: \(pairs.changes.count) settled, "
                       + "\(twins.newOfOld.filter { $0 >= 0 }.count) pairs of twins")
        guard let restOld = oldImport.rest(skipping: pairs.oldRecords, importer: importer),
              let restNew = newImport.rest(skipping: pairs.newRecords, importer: importer) else { return nil }
        // The files' bytes, both sides' records and named items are freed on another thread:
        // half a second of this one, on the command's one path.
        Concurrent.release((consume sides, consume oldSide, consume newSide, consume imports, consume oldImport,
                            consume newImport, consume namedOld, consume namedNew))
        return (restOld, restNew, pairs.changes)
    }

    /// The new side's items as `Cleaner.named` makes them, naming only the items that are not
    /// a twin of an old item with the same unit: a twin's short fields are its old twin's bytes,
    /// so their clean values, key and category are the old item's (the category is resolved
    /// in the unit's level). Only the raw record (serial, row) is its own; the clean serial
    /// stays the old one's, which `IdenticalPairs` does not read (it groups by the raw serial).
    static func named(_ items: [RawItem], twinOf: [Int], old: [PowerItem], cleaner: Cleaner) -> [PowerItem] {
        let own = items.indices.filter { twinOf[$0] < 0 || items[$0].unit != old[twinOf[$0]].raw.unit }
        let named = cleaner.named(own.map { items[$0] })
        var result: [PowerItem] = []
        result.reserveCapacity(items.count)
        var next = 0
        for index in items.indices {
            if next < own.count && own[next] == index {
                result.append(named[next])
                next += 1
            } else {
                let twin = old[twinOf[index]]
                result.append(PowerItem(key: twin.key, raw: items[index], fields: twin.fields,
                                        category: twin.category, citations: []))
            }
        }
        return result
    }
}

/// The records of two sides whose bytes, but the serial, occur once in each: by data index,
/// each side's twin on the other (-1 for none).
private struct Twins {
    var newOfOld: [Int]
    var oldOfNew: [Int]

    init(_ old: CSVSide, _ new: CSVSide) {
        // Each side's hashes on a core of its own: on one, they were a second of one core idle.
        let sides = Concurrent.map(2) { side in
            let hashes = Self.hashes(side == 0 ? old : new)
            return (hashes: hashes, once: Self.once(hashes))
        }
        let (oldOnce, newHashes, newOnce) = (sides[0].once, sides[1].hashes, sides[1].once)
        newOfOld = Array(repeating: -1, count: old.data.count)
        oldOfNew = Array(repeating: -1, count: new.data.count)
        for (newIndex, hash) in newHashes.enumerated() {
            guard let newOnly = newOnce[hash], newOnly == newIndex, let oldIndex = oldOnce[hash],
                  Self.same(old, oldIndex, new, newIndex) else { continue }
            newOfOld[oldIndex] = newIndex
            oldOfNew[newIndex] = oldIndex
        }
    }

    /// Each data record's hash of its bytes but the serial: of their lengths, the bytes before
    /// the serial and the first and last bytes after it. Hashing every byte was a twentieth of
    /// the command; records that differ only in the middle of a long text share a hash, and the
    /// bytes compared (`same`) keep them apart.
    private static func hashes(_ side: CSVSide) -> [Int] {
        side.records.text.withUnsafeBytes { bytes in
            side.data.map { record in
                let (before, after) = side.withoutSerial(record)
                var hasher = Hasher()
                hasher.combine(before.count)
                hasher.combine(after.count)
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes[before]))
                let ends = after.count > 2 * Self.sampledBytes
                    ? [after.prefix(Self.sampledBytes), after.suffix(Self.sampledBytes)] : [after]
                for range in ends { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes[range])) }
                return hasher.finalize()
            }
        }
    }

    /// How many bytes after the serial, at each end, a hash takes.
    private static let sampledBytes = 160

    /// The index of each hash held by one record only.
    private static func once(_ hashes: [Int]) -> [Int: Int] {
        var indices = [Int: Int](minimumCapacity: hashes.count)
        for (index, hash) in hashes.enumerated() {
            indices[hash] = indices[hash] == nil ? index : -1
        }
        return indices.filter { $0.value >= 0 }
    }

    /// The bytes themselves compared: a hash may collide.
    private static func same(_ old: CSVSide, _ oldIndex: Int, _ new: CSVSide, _ newIndex: Int) -> Bool {
        let (oldRecord, newRecord) = (old.data[old.data.startIndex + oldIndex], new.data[new.data.startIndex + newIndex])
        let (oldBefore, oldAfter) = old.withoutSerial(oldRecord)
        let (newBefore, newAfter) = new.withoutSerial(newRecord)
        return old.records.text[oldBefore] == new.records.text[newBefore]
            && old.records.text[oldAfter] == new.records.text[newAfter]
    }
}

/// One side imported but its twins: each data record's raw item, in file order — whole, or
/// for a twin only what naming reads (`CSVSide.named`).
private struct SideImport: Sendable {
    let side: CSVSide
    private(set) var items: [RawItem] = []
    /// Whether the item at a data index is a twin's, not whole.
    let isTwin: [Bool]
    /// One data index per distinct 行使主体 and level, the first in file order.
    private let representatives: [Int]

    init?(_ side: CSVSide, twins: [Int], importer: Importer) {
        self.side = side
        let records = Array(side.data)
        let unitKeys = records.map(side.unitKey)
        var seen = Set<String>()
        representatives = unitKeys.indices.filter { seen.insert(unitKeys[$0]).inserted }
        // An empty 权力类型 takes the sheet's name: such a record is imported.
        isTwin = records.indices.map { twins[$0] >= 0 && !side.text(.category, of: records[$0]).isEmpty }
        let imported = Self.imported(Set(representatives).union(records.indices.filter { !isTwin[$0] }), side, importer)
        guard let imported else { return nil }
        var units: [String: AdminUnit] = [:]
        for index in representatives {
            // The unit of each representative must be its own 行使主体: then the unit of every
            // record is its own too, whatever the other records (see `CSVSide`).
            let unit = imported[index]!.unit
            let actor = side.text(.actor, of: records[index]).split(whereSeparator: \.isWhitespace).joined()
            guard unit.name == actor else { return nil }
            units[unitKeys[index]] = unit
        }
        // One unit for the whole list takes its level from the most frequent 实施层级 text,
        // which one record per text does not reproduce: then only one text will do.
        guard Set(units.values.map(\.name)).count > 1 || representatives.count == 1 else { return nil }
        items = records.indices.map { index in
            isTwin[index] ? side.named(records[index], unit: units[unitKeys[index]]!) : imported[index]!
        }
    }

    /// The whole raw items of the records not in `settled`, in file order: twins left
    /// unpaired are imported now, beside the representatives.
    func rest(skipping settled: Set<Int>, importer: Importer) -> [RawItem]? {
        let unpaired = items.indices.filter { isTwin[$0] && !settled.contains($0) }
        var late: [Int: RawItem] = [:]
        if !unpaired.isEmpty {
            guard let imported = Self.imported(Set(representatives).union(unpaired), side, importer) else { return nil }
            late = imported
        }
        return items.indices.filter { !settled.contains($0) }.map { isTwin[$0] ? late[$0]! : items[$0] }
    }

    /// The records at `indices` (data indices), imported in file order, by data index.
    private static func imported(_ indices: Set<Int>, _ side: CSVSide, _ importer: Importer) -> [Int: RawItem]? {
        let sorted = indices.sorted()
        let start = side.data.startIndex
        guard let items = side.imported(sorted.map { side.data[start + $0] }, importer: importer) else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(sorted, items))
    }
}
