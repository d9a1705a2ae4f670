import Catalogue
import Foundation

/// Merges and splits that a remark (备注) states: `由A、B合并` on the whole, `合并为C` on a
/// part (and `拆分为A、B` / `由C拆分` for splits). Names in a remark are looked up by their
/// normalized form on the other side, preferring the item's own unit.
enum RemarkMatcher {
    static func run(_ matching: inout Matching) {
        let merges = candidates(matching, wholeSays: "由(.+?)合并", partSays: "合并(?:为|至|到|入)(.+)")
        let splits = candidates(matching.swapped(), wholeSays: "拆分为(.+)", partSays: "由(.+?)拆分")
        matching.acceptGroups(merges: merges, splits: splits)
    }

    /// Merges seen from the whole (new side): its remark names the parts, or parts' remarks name it.
    private static func candidates(_ matching: Matching, wholeSays: String, partSays: String) -> [GroupCandidate] {
        var partsOfWhole: [Int: Set<Int>] = [:]
        var remarks: [Int: [String]] = [:]
        // Indexes of names are built only when some remark needs one: most items have none.
        let wholes = matching.new.indices.filter { !matching.new[$0].remarks.isEmpty }
        let parts = matching.old.indices.filter { matching.group(ofOld: $0) == nil && !matching.old[$0].remarks.isEmpty }
        let oldByName = wholes.isEmpty ? [:] : index(matching.old.indices.filter { matching.group(ofOld: $0) == nil }, matching.old)
        for whole in wholes {
            let item = matching.new[whole]
            guard let listed = firstCapture(wholeSays, in: item.remarks) else { continue }
            let found = names(in: listed).compactMap { resolve($0, near: item, in: oldByName, matching.old) }
            guard !found.isEmpty else { continue }
            partsOfWhole[whole, default: []].formUnion(found)
            remarks[whole, default: []].append(item.remarks)
        }
        let newByName = parts.isEmpty ? [:] : index(Array(matching.new.indices), matching.new)
        for part in parts {
            let item = matching.old[part]
            guard let listed = firstCapture(partSays, in: item.remarks),
                  let whole = names(in: listed).first.flatMap({ resolve($0, near: item, in: newByName, matching.new) })
            else { continue }
            partsOfWhole[whole, default: []].insert(part)
            remarks[whole, default: []].append(item.remarks)
        }
        return partsOfWhole.compactMap { whole, found in
            let partner = matching.oneToOnePartner(ofNew: whole)
            guard matching.group(ofNew: whole) == nil || partner != nil else { return nil }
            let parts = found.union(partner.map { [$0.old] } ?? []).sorted()
            let detail = MainItem.distinct(remarks[whole]!.sorted()).joined(separator: "；")
            return GroupCandidate(whole: whole, parts: parts, absorbs: partner?.group, score: 0.95,
                                  reasons: [PairingReason(.remark, detail: detail)])
        }
    }

    private static func index(_ indices: [Int], _ items: [MainItem]) -> [String: [Int]] {
        var byName: [String: [Int]] = [:]
        for index in indices { byName[items[index].nameKey, default: []].append(index) }
        return byName
    }

    /// The item named `name`: in `near`'s unit if there is one there, else the only one anywhere.
    private static func resolve(_ name: String, near item: MainItem, in byName: [String: [Int]],
                                _ items: [MainItem]) -> Int? {
        guard let candidates = byName[TextKey.normalized(name)] else { return nil }
        if let local = candidates.first(where: { items[$0].unitKey == item.unitKey }) { return local }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// `“A”、“B”和C等2项` → `A`, `B`, `C`.
    static func names(in listed: String) -> [String] {
        var text = listed
        if let range = text.range(of: "等[0-9一二三四五六七八九十]+项", options: .regularExpression) {
            text.removeSubrange(range.lowerBound...)
        }
        let separators = CharacterSet(charactersIn: "、，,；;和及与")
        let quotes = CharacterSet(charactersIn: "《》“”\"'‘’「」。 \n（）()")
        return text.components(separatedBy: separators)
            .map { $0.trimmingCharacters(in: quotes) }
            .filter { !$0.isEmpty }
    }

    static func firstCapture(_ pattern: String, in text: String) -> String? {
        guard let expression = try? NSRegularExpression(pattern: pattern),
              let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              match.numberOfRanges > 1, let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }
}
