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
/// units, see `CSVSide`), go through the importer. A twin is only named (`Cleaner.namings`:
/// its name, code and category texts, with the unit its representative got), so
/// `IdenticalPairs` sees every record of both sides, as in the full path; it keeps the pairs
/// whose records are all twins of each other, and asks for items only of the records that no
/// pair of lone twins settles. A twin left unpaired (a code held twice, say) is imported
/// after all, and goes to the full comparison with the other records.
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
        // Twins on both sides: their name and code fields are the same bytes on both.
        let twinOf = newImport.units.indices.map { index in
            let partner = twins.oldOfNew[index]
            return partner >= 0 && newImport.isTwin[index] && oldImport.isTwin[partner] ? partner : -1
        }
        let (oldNames, oldItems) = oldImport.names(cleaner: cleaner)
        let (newNames, newItems) = newImport.names(cleaner: cleaner, twinOf: twinOf, old: (oldNames, oldImport))
        DiffTiming.lap("named")
        let partners = twins.newOfOld
        // Twins are one to one: the same count, and each old record's twin among the new ones.
        let pairs = IdenticalPairs(old: oldNames, new: newNames, region: region, twinOf: twinOf, items: { oldIndices, newIndices in
            let items = Concurrent.map(2) { side in
                side == 0 ? oldImport.items(oldIndices, named: oldItems, cleaner: cleaner)
                    : newImport.items(newIndices, named: newItems, cleaner: cleaner)
            }
            return (items[0], items[1])
        }) { oldIndices, newIndices in
            oldIndices.count == newIndices.count
                && oldIndices.allSatisfy { partners[$0] >= 0 && newIndices.contains(partners[$0]) }
        }
        DiffTiming.lap("identical pairs: \(pairs.changes.count) settled, "
                       + "\(twins.newOfOld.filter { $0 >= 0 }.count) pairs of twins")
        guard let restOld = oldImport.rest(skipping: pairs.oldRecords, importer: importer),
              let restNew = newImport.rest(skipping: pairs.newRecords, importer: importer) else { return nil }
        // The files' bytes, both sides' records and names are freed on another thread: half a
        // second of this one, on the command's one path.
        Concurrent.release((consume sides, consume oldSide, consume newSide, consume imports, consume oldImport,
                            consume newImport, consume oldNames, consume newNames, consume oldItems, consume newItems))
        return (restOld, restNew, pairs.changes)
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

/// One side imported but its twins: the importer's raw item of each other record, and the
/// unit of every record; a twin is only named (`names`), and made an item when asked (`items`).
private struct SideImport: Sendable {
    let side: CSVSide
    /// By data index, the raw item of each record that is not a twin.
    private let imported: [Int: RawItem]
    /// By data index, the unit of each record, and its number among the side's distinct
    /// 行使主体 and level texts.
    let units: [AdminUnit]
    let unitNumbers: [Int]
    /// Whether the record at a data index is a twin's, not imported.
    let isTwin: [Bool]
    /// One data index per distinct 行使主体 and level, the first in file order.
    private let representatives: [Int]

    init?(_ side: CSVSide, twins: [Int], importer: Importer) {
        self.side = side
        let records = Array(side.data)
        let (unitNumbers, firsts) = side.unitNumbers()
        representatives = firsts
        // An empty 权力类型 takes the sheet's name: such a record is imported.
        let isTwin = records.indices.map { twins[$0] >= 0 && side.hasText(.category, in: records[$0]) }
        self.isTwin = isTwin
        let imported = Self.imported(Set(firsts).union(records.indices.filter { !isTwin[$0] }), side, importer)
        guard let imported else { return nil }
        var units: [AdminUnit] = []
        for index in firsts {
            // The unit of each representative must be its own 行使主体: then the unit of every
            // record is its own too, whatever the other records (see `CSVSide`).
            let unit = imported[index]!.unit
            let actor = side.text(.actor, of: records[index]).split(whereSeparator: \.isWhitespace).joined()
            guard unit.name == actor else { return nil }
            units.append(unit)
        }
        // One unit for the whole list takes its level from the most frequent 实施层级 text,
        // which one record per text does not reproduce: then only one text will do.
        guard Set(units.map(\.name)).count > 1 || firsts.count == 1 else { return nil }
        self.imported = imported.filter { !isTwin[$0.key] }
        self.units = unitNumbers.map { units[$0] }
        self.unitNumbers = unitNumbers
    }

    /// Every record named as `Cleaner.named` names its item: a twin from its texts, the others
    /// from their raw items, whose named items come back too (by data index). A twin of an old
    /// record of the same unit takes that record's names (`twinOf`, `old`): the same texts
    /// name it the same.
    func names(cleaner: Cleaner, twinOf: [Int] = [], old: (names: RecordNames, side: SideImport)? = nil)
        -> (RecordNames, [Int: PowerItem]) {
        let shared = sharedNames(twinOf: twinOf, old: old?.side)
        let twins = isTwin.indices.filter { isTwin[$0] && shared[$0] < 0 }
        let namings = cleaner.namings(count: twins.count) { [side, units] position in
            let (index, record) = (twins[position], side.data[side.data.startIndex + twins[position]])
            return Cleaner.NamingTexts(unit: units[index], name: side.text(.name, of: record),
                                       subItem: side.text(.subItemName, of: record),
                                       code: side.text(.code, of: record), category: side.text(.category, of: record))
        }
        let others = imported.keys.sorted()
        let items = cleaner.named(others.map { imported[$0]! })
        // Where each record's names are: the old record's, a naming's or a named item's (by position).
        var sources = [Int](repeating: 0, count: units.count)
        var (nextTwin, nextOther) = (0, 0)
        for index in units.indices where shared[index] < 0 {
            if nextTwin < twins.count, twins[nextTwin] == index {
                sources[index] = nextTwin
                nextTwin += 1
            } else {
                sources[index] = -1 - nextOther
                nextOther += 1
            }
        }
        // Gathered in chunks on all cores: one core took a third of naming to gather them.
        let chunks = Concurrent.chunks(units.count, minimum: 20_000)
        let parts = Concurrent.map(chunks.count) { [sources] chunk in
            var (names, categories, keys, codes) = ([String](), [String?](), [ItemKey](), [String?]())
            for index in chunks[chunk] {
                if shared[index] >= 0, let old = old?.names {
                    names.append(old.names[shared[index]])
                    categories.append(old.categories[shared[index]])
                    keys.append(old.keys[shared[index]])
                    codes.append(nil)   // taken from the old record's facts (`twinOf`)
                } else if sources[index] >= 0 {
                    let naming = namings[sources[index]]
                    names.append(naming.name)
                    categories.append(naming.category?.name ?? naming.writtenCategory)
                    keys.append(naming.key)
                    codes.append(naming.code)
                } else {
                    let item = items[-1 - sources[index]]
                    names.append(item.name)
                    categories.append(item.category?.name ?? item.fields[.category])
                    keys.append(item.key)
                    codes.append(item.fields[.code])
                }
            }
            return (names, categories, keys, codes)
        }
        return (RecordNames(units: units, names: Array(parts.map(\.0).joined()), categories: Array(parts.map(\.1).joined()),
                            keys: Array(parts.map(\.2).joined()), codeFields: Array(parts.map(\.3).joined()),
                            twinOf: shared, sharing: old?.names),
                Dictionary(uniqueKeysWithValues: zip(others, items)))
    }

    /// By data index, the old record (`twinOf`) whose names a twin takes — the same texts in
    /// the same unit name it the same — or -1. Units are compared once per pair of unit numbers.
    private func sharedNames(twinOf: [Int], old: SideImport?) -> [Int] {
        guard let old else { return Array(repeating: -1, count: units.count) }
        var same: [Int: Bool] = [:]
        return units.indices.map { index in
            let partner = index < twinOf.count ? twinOf[index] : -1
            guard partner >= 0 else { return -1 }
            let pair = old.unitNumbers[partner] * (unitNumbers.count + 1) + unitNumbers[index]
            if let known = same[pair] { return known ? partner : -1 }
            let equal = old.units[partner] == units[index]
            same[pair] = equal
            return equal ? partner : -1
        }
    }

    /// The items `Cleaner.named` makes of the records at `indices` (data indices), in that
    /// order: those `names` named already, and the twins', whose raw items hold the fields
    /// naming reads, with their units.
    func items(_ indices: [Int], named: [Int: PowerItem], cleaner: Cleaner) -> [PowerItem] {
        let start = side.data.startIndex
        let twins = indices.filter { named[$0] == nil }
        var twinItems = cleaner.named(twins.map { side.named(side.data[start + $0], unit: units[$0]) })[...]
        return indices.map { index in
            if let item = named[index] { return item }
            defer { twinItems = twinItems.dropFirst() }
            return twinItems.first!
        }
    }

    /// The whole raw items of the records not in `settled`, in file order: twins left
    /// unpaired are imported now, beside the representatives.
    func rest(skipping settled: Set<Int>, importer: Importer) -> [RawItem]? {
        let unpaired = isTwin.indices.filter { isTwin[$0] && !settled.contains($0) }
        var late: [Int: RawItem] = [:]
        if !unpaired.isEmpty {
            guard let imported = Self.imported(Set(representatives).union(unpaired), side, importer) else { return nil }
            late = imported
        }
        return isTwin.indices.filter { !settled.contains($0) }.map { isTwin[$0] ? late[$0]! : imported[$0]! }
    }

    /// The records at `indices` (data indices), imported in file order, by data index.
    private static func imported(_ indices: Set<Int>, _ side: CSVSide, _ importer: Importer) -> [Int: RawItem]? {
        let sorted = indices.sorted()
        let start = side.data.startIndex
        guard let items = side.imported(sorted.map { side.data[start + $0] }, importer: importer) else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(sorted, items))
    }
}
