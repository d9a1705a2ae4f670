import Catalogue
@testable import Cleanup
import Foundation
import Schemas
import Testing

@Suite("Loading the cleanup schemas")
struct CleanupSchemasTests {
    /// A workspace with the given files in its `schemas/` folder, removed afterwards.
    func withWorkspace(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cleanup-\(UUID().uuidString)")
        let schemas = folder.appendingPathComponent("schemas")
        try FileManager.default.createDirectory(at: schemas, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try text.write(to: schemas.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try body(folder)
    }

    func load(_ workspace: URL) throws(ConfigurationError) -> CleanupSchemas {
        try CleanupSchemas.load(from: SchemaLoader(workspace: workspace, environment: [:],
                                                   currentDirectory: Shipped.packageRoot, executableDirectory: nil))
    }

    @Test("every rule names the article that states it, and its ranks are known")
    func shippedRules() throws {
        let rules = try Shipped.schemas().rules.rules
        #expect(rules.count >= 4)
        #expect(rules.allSatisfy { $0.article.contains("第") && !$0.ranks.isEmpty })
    }

    @Test("an unknown rank in a workspace rule is an error naming the file and line")
    func badRule() throws {
        let yaml = "rules:\n  - category: 行政许可\n    ranks: [法律, 红头文件]\n    article: 某法第一条\n    rule: 某规则\n"
        try withWorkspace(["legal-basis.yaml": yaml]) { workspace in
            do throws(ConfigurationError) {
                _ = try load(workspace)
                Issue.record("loaded a rule with an unknown rank")
            } catch {
                #expect(error.file.hasSuffix("schemas/legal-basis.yaml"))
                #expect(error.line == 3)
                #expect(error.reason.contains("红头文件"))
            }
        }
    }

    @Test("a workspace adds its own registry entries, aliases and rules on top of the built-in ones")
    func workspaceAdditions() throws {
        let registry = "\t克拉玛依市市容管理办法\tlocalGovernmentRule\t克拉玛依市人民政府\t克拉玛依市\t2020-01-01||有效|1-40\n"
        let aliases = "aliases:\n  市容办法: 克拉玛依市市容管理办法\n"
        try withWorkspace(["law-registry.tsv": registry, "law-aliases.yaml": aliases]) { workspace in
            let schemas = try load(workspace)
            #expect(schemas.registry.entry(forTitle: "《市容办法》")?.rank == .localGovernmentRule)
            #expect(schemas.registry.entry(forTitle: "统计法") != nil)
        }
    }

    @Test("an alias of a title the registry lacks is an error naming its line")
    func badAlias() throws {
        try withWorkspace(["law-aliases.yaml": "aliases:\n  某法: 不存在的法\n"]) { workspace in
            #expect(throws: ConfigurationError.self) { try load(workspace) }
        }
    }
}
