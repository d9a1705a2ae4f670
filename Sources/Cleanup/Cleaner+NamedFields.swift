import Catalogue
import Concurrency

extension Cleaner {
    /// The fields `named` reads (and cleans) of a raw item: a caller that builds raw items
    /// for naming alone (`IdenticalRecords`) reads no other cell.
    public static var namedFields: FieldMask { shortFields }

    /// The texts of one record that name it, as the importer would give them (trimmed; nil
    /// or empty for an empty cell), and the unit it would get.
    public struct NamingTexts: Sendable {
        public var unit: AdminUnit
        public var name: String?
        public var subItem: String?
        public var code: String?
        public var category: String?

        public init(unit: AdminUnit, name: String?, subItem: String?, code: String?, category: String?) {
            (self.unit, self.name, self.subItem, self.code, self.category) = (unit, name, subItem, code, category)
        }
    }

    /// What `named` makes of a record's naming texts: its key, its name, sub-item name, code
    /// and category text normalized (nil when empty), and its category resolved in its unit's level.
    public struct Naming: Sendable, Equatable {
        public var key: ItemKey
        public var name: String
        public var subItem: String?
        public var code: String?
        public var writtenCategory: String?
        public var category: CategoryRef?
    }

    /// Each record's `Naming`, in chunks on all cores, exactly as `named` names the item of the
    /// same texts — without making the item. A file-to-file diff names every record of both
    /// sides, and nine in ten never become items (`IdenticalRecords`): making each a raw and a
    /// clean item, two dictionaries of fields apiece, was most of naming them.
    ///
    /// - Parameter texts: the texts of the record at an index, read on the core that names it.
    public func namings(count: Int, _ texts: @Sendable (Int) -> NamingTexts) -> [Naming] {
        let chunks = Concurrent.chunks(count, minimum: Self.minimumChunk)
        return Array(Concurrent.map(chunks.count) { chunk in
            var memo = memos.take()
            defer { memos.giveBack(memo) }
            return chunks[chunk].map { naming(texts($0), memo: &memo) }
        }.joined())
    }

    private func naming(_ texts: NamingTexts, memo: inout CleanMemo) -> Naming {
        func clean(_ text: String?, _ field: ItemField) -> String? {
            guard let text, !text.isEmpty else { return nil }
            let clean = memo.normalized(text, field: field, keepsStructure: false)
            return clean.isEmpty ? nil : clean
        }
        let (name, subItem, category) = (clean(texts.name, .name), clean(texts.subItem, .subItemName), clean(texts.category, .category))
        return Naming(key: memo.itemKey(unit: texts.unit.name, name: name ?? "", subItem: subItem), name: name ?? "",
                      subItem: subItem, code: clean(texts.code, .code), writtenCategory: category,
                      category: resolvedCategory(category, level: texts.unit.level, memo: &memo))
    }
}
