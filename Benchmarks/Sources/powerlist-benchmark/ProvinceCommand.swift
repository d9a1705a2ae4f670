import Foundation

/// `generate-province [--items N] OUT`: a deterministic province of N / 5,000 counties in two
/// revisions, `OUT/2023/<county>/…` and `OUT/2024/<county>/…`, and `OUT/manifest.json` with
/// the files, items and changes between the revisions. `Benchmarks/generate-province.sh` runs
/// it and finishes the .xls and GB18030 files.
struct ProvinceCommand {
    let items: Int
    let output: URL

    init(arguments: [String]) throws(UsageError) {
        let options = try Options(arguments, valued: ["--items"])
        items = try options.integer("--items", default: 100_000)
        guard options.positional.count == 1 else { throw UsageError("generate-province 需要一个输出文件夹") }
        output = URL(fileURLWithPath: options.positional[0])
    }

    struct Manifest: Codable {
        struct Revision: Codable { var year: String; var items = 0; var files: [String: Int] = [:] }
        var counties: Int
        var revisions: [Revision]
        var changes: RevisionChanges
    }

    func run() throws {
        let start = Date()
        let province = Province(items: items)
        var generator = PowerListGenerator(seed: 20_230_101)
        var editor = RevisionEditor(generator: PowerListGenerator(seed: 20_240_101))
        var manifest = Manifest(counties: province.counties,
                                revisions: [.init(year: "2023"), .init(year: "2024")], changes: RevisionChanges())
        for county in 0..<province.counties {
            let name = province.countyName(county)
            let first = province.firstRevision(county: county, generator: &generator)
            let second = editor.edit(first)
            for (index, lists) in [first, second].enumerated() {
                let year = manifest.revisions[index].year
                var writer = try ProvinceWriter(folder: output.appendingPathComponent("\(year)/\(name)"), county: name, year: year)
                try writer.write(lists)
                manifest.revisions[index].items += writer.items
                for (format, count) in writer.files { manifest.revisions[index].files[format.rawValue, default: 0] += count }
            }
        }
        manifest.changes = editor.changes
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(manifest).write(to: output.appendingPathComponent("manifest.json"))
        print("\(output.path)：\(province.counties) 个县，2023 年 \(manifest.revisions[0].items) 项，"
              + "2024 年 \(manifest.revisions[1].items) 项，" + String(format: "用时 %.1f 秒", Date().timeIntervalSince(start)))
    }
}
