import Catalogue
import Foundation
@testable import Importer
@testable import Schemas
import Sheets
import Testing

@Suite("Schema files and the workspace config")
struct SchemaFileTests {
    @Test("The shipped headers.yaml maps the usual synonyms")
    func shippedSynonyms() throws {
        let headers = try ShippedSchemas.configuration().headers
        let expected: [(String, ItemField)] = [
            ("事项名称", .name), ("权力名称", .name), ("职权名称", .name), ("项目", .name), ("权力事项名称", .name), ("事项", .name),
            ("子项名称", .subItemName), ("子项", .subItemName),
            ("权力类型", .category), ("职权类型", .category), ("事项类型", .category), ("权力类别", .category), ("类别", .category),
            ("实施依据", .basis), ("设定依据", .basis), ("法律依据", .basis), ("设定和实施依据", .basis),
            ("序号", .serial), ("编号", .serial), ("职权编码", .code), ("事项编码", .code), ("权力编码", .code),
            ("行使主体", .actor), ("实施主体", .actor), ("承办机构", .handlingOrgan), ("责任处室", .handlingOrgan),
        ]
        for (header, field) in expected {
            #expect(headers.field(for: header) == field, "\(header)")
        }
        // Every known field has at least its standard label as a synonym.
        for field in ItemField.allCases {
            #expect(headers.field(for: field.label) == field, "\(field.label)")
        }
    }

    @Test("A synonym added in the workspace's schemas/headers.yaml is used without rebuilding")
    func synonymAddedInWorkspace() throws {
        let workspace = try TemporaryWorkspace()
        let sheet = Grid.sheet([["序号", "清单事项", "权力类型"], ["1", "甲", "行政许可"]])
        let before = Importer(configuration: try ShippedSchemas.configuration(workspace: workspace.folder))
        #expect(before.importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx").items.isEmpty)

        try workspace.write("""
            # 本工作区补充的写法
            事项名称:
              - 清单事项
            """, to: "schemas/headers.yaml")
        let after = Importer(configuration: try ShippedSchemas.configuration(workspace: workspace.folder))
        #expect(after.importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx").items.map(\.name) == ["甲"])
    }

    @Test("A malformed schema file is an error naming the file and the line")
    func malformedSchema() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("name:\n  - 事项名称\n  - [未闭合\n", to: "schemas/headers.yaml")
        let error = try #require(throws: ConfigurationError.self) { try ShippedSchemas.configuration(workspace: workspace.folder) }
        #expect(error.file.hasSuffix("schemas/headers.yaml"))
        #expect(error.line == 4 || error.line == 3)
        #expect(error.description.contains("headers.yaml 第"))
    }

    @Test("An unknown field or a synonym under two fields is an error at its line")
    func invalidEntries() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("name:\n  - 事项名称\n事项说明:\n  - 说明\n", to: "schemas/headers.yaml")
        let unknown = try #require(throws: ConfigurationError.self) { try ShippedSchemas.configuration(workspace: workspace.folder) }
        #expect(unknown.line == 3)
        #expect(unknown.reason.contains("未知字段“事项说明”"))

        try workspace.write("name:\n  - 事项名称\ncategory:\n  - 事项 名称\n", to: "schemas/headers.yaml")
        let twice = try #require(throws: ConfigurationError.self) { try ShippedSchemas.configuration(workspace: workspace.folder) }
        #expect(twice.line == 4)
        #expect(twice.reason.contains("第2行"))
    }

    @Test("A bad workspace config is an error naming powerlist.yaml and the line")
    func badWorkspaceConfig() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("region: 克拉玛依市\nfiles:\n  a.xlsx:\n    level: 省级\n", to: "powerlist.yaml")
        let error = try #require(throws: ConfigurationError.self) { try ShippedSchemas.configuration(workspace: workspace.folder) }
        #expect(error.file.hasSuffix("powerlist.yaml"))
        #expect(error.line == 4)
        #expect(error.reason.contains("未知层级“省级”"))
    }

    @Test("Schema lookup: POWERLIST_SCHEMAS, else Catalogues/schemas above the current directory or the executable")
    func lookupOrder() throws {
        let workspace = try TemporaryWorkspace()
        let nested = ShippedSchemas.packageRoot.appendingPathComponent("Sources/Importer")
        let fromCurrentDirectory = SchemaLoader(workspace: workspace.folder, environment: [:], currentDirectory: nested, executableDirectory: nil)
        #expect(fromCurrentDirectory.builtInFolder?.standardizedFileURL.path == ShippedSchemas.packageRoot.appendingPathComponent("Catalogues/schemas").standardizedFileURL.path)

        let fromExecutable = SchemaLoader(workspace: workspace.folder, environment: [:], currentDirectory: workspace.folder,
                                          executableDirectory: ShippedSchemas.packageRoot.appendingPathComponent(".build/debug"))
        #expect(fromExecutable.builtInFolder != nil)

        let named = SchemaLoader(workspace: workspace.folder, environment: ["POWERLIST_SCHEMAS": workspace.folder.path],
                                 currentDirectory: nested, executableDirectory: nil)
        #expect(named.builtInFolder?.path == workspace.folder.path)

        let nowhere = SchemaLoader(workspace: workspace.folder, environment: [:], currentDirectory: workspace.folder, executableDirectory: nil)
        let error = try #require(throws: ConfigurationError.self) { try nowhere.loadHeaders() }
        #expect(error.reason.contains("找不到模式文件"))
        #expect(error.reason.contains(workspace.folder.path))
    }
}
