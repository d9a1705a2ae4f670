import Catalogue

extension SearchIndex {
    /// Every file of the index, by path under the site root.
    func files(model: SiteModel) -> [(path: String, contents: String)] {
        let (count, shards) = indexShards()
        var files = [(path: "search/meta.js", contents: meta(model: model, shardCount: count))]
        for (number, shard) in shards.enumerated() { files.append(("search/i-\(number).js", shard)) }
        for start in stride(from: 0, to: model.items.count, by: Self.documentsPerShard) {
            let slice = model.items[start..<min(start + Self.documentsPerShard, model.items.count)]
            let documents = slice.map { entry in
                let item = entry.item
                return ScriptJSON.strings([item.name, item.subItemName ?? "", item.fields[.code] ?? "", item.key.slug])
            }
            files.append(("search/d-\(start / Self.documentsPerShard).js",
                          "PL_SEARCH.docs(\(start / Self.documentsPerShard),\(ScriptJSON.array(documents)));\n"))
        }
        return files
    }

    /// Facets: units, categories and levels, and the runs of documents with one unit and
    /// category (documents are in that order), so a filter needs no per-document data.
    private func meta(model: SiteModel, shardCount: Int) -> String {
        let levels = Level.allCases
        let units = model.units.map { unit in
            ScriptJSON.array([ScriptJSON.string(unit.name), String(levels.firstIndex(of: unit.level!)!), ScriptJSON.string(unit.slug)])
        }
        let categories = model.categories.map { ScriptJSON.strings([$0.name, $0.slug]) }
        let unitIndex = Dictionary(uniqueKeysWithValues: model.units.enumerated().map { ($1.name, $0) })
        let categoryIndex = Dictionary(uniqueKeysWithValues: model.categories.enumerated().map { ($1.name, $0) })
        var runs: [String] = []
        var last: (Int, Int)?
        for (document, entry) in model.items.enumerated() {
            let key = (unitIndex[entry.item.unit.name]!, categoryIndex[entry.item.category?.name ?? SiteModel.uncategorized]!)
            if last.map({ $0 != key }) ?? true {
                runs.append("[\(document),\(key.0),\(key.1)]")
                last = key
            }
        }
        return "PL_SEARCH.meta({\"documents\":\(documentCount),\"shards\":\(shardCount),"
            + "\"documentsPerShard\":\(Self.documentsPerShard),"
            + "\"levels\":\(ScriptJSON.strings(levels.map(\.label))),\"units\":\(ScriptJSON.array(units)),"
            + "\"categories\":\(ScriptJSON.array(categories)),\"runs\":\(ScriptJSON.array(runs))});\n"
    }
}
