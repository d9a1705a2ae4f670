import Catalogue
import Foundation
import Yams

/// The workspace config file `powerlist.yaml`:
///
/// ```yaml
/// region:
///   name: 克拉玛依市
///   code: "650200"
///   level: 市级            # the region's own level: its departments' lists are at this level
/// logo: 徽标.png           # optional: an image (PNG, JPEG, GIF, SVG, WebP) for the site's header,
///                         # relative to the workspace folder
/// feedback:               # optional (诉求渠道): shown on every item page of the published site
///   phone: 0990-1234567
///   address: 克拉玛依市世纪大道 1 号
///   web: https://example.gov.cn/feedback
/// files:
///   克拉玛依市商务局2024年权责清单.xlsx:
///     unit: 克拉玛依市商务局
///     level: 市级            # 市级（地州市级）/ 县级（县市区级）/ 乡镇 / 村/社区, or city/county/township/village
/// licences:                # reference lists of licences (行政许可事项清单), CSV or XLSX, relative to the workspace
///   - 行政许可事项清单.xlsx
/// guidance:                # optional (指导目录): the published site shows each unit's coverage of it
///   file: 指导目录.xlsx      # a workbook relative to the workspace, or a revision label of the workspace
///   level: 区县级            # optional: the guidance level to compare (default: the region's level)
/// ```
public struct WorkspaceConfig {
    public var region: Region?
    public var fileMappings: [String: FileMapping] = [:]
    /// Licence lists (行政许可事项清单) every local 行政许可 item must match, paths as written
    /// (relative to the workspace folder); empty when none is configured.
    public var licences: [String] = []
    /// The logo file as written in the config (relative to the workspace folder, or absolute).
    public var logo: String?
    /// Where the public can raise questions about the list (诉求渠道).
    public var feedback: FeedbackSettings?
    /// The guidance catalogue (指导目录) the published site measures each unit against.
    public var guidance: GuidanceSettings?

    public init(url: URL) throws(ConfigurationError) {
        let file = try YAMLFile(url: url)
        for (key, value) in try file.mapping(file.root, expected: "配置项的映射（region、files）") {
            switch try file.text(key, expected: "配置项名") {
            case "region", "地区":
                region = try Self.region(value, in: file)
            case "logo", "徽标":
                logo = try file.text(value, expected: "徽标图片文件")
            case "feedback", "诉求渠道":
                feedback = try Self.feedback(value, in: file)
            case "files", "文件":
                for (name, entry) in try file.mapping(value, expected: "“文件名: 单位与层级”的映射") {
                    let fileName = try file.text(name, expected: "文件名")
                    fileMappings[fileName] = try Self.fileMapping(entry, in: file)
                }
            case "licences", "许可清单":
                licences = try Self.paths(value, in: file)
            case "guidance", "指导目录":
                guidance = try Self.guidance(value, in: file)
            case let other:
                throw file.error("未知配置项“\(other)”。可用：region（地区）、logo（徽标）、feedback（诉求渠道）、files（文件）、licences（许可清单）、guidance（指导目录）", at: key)
            }
        }
    }

    /// One path or a list of paths.
    private static func paths(_ node: Node, in file: YAMLFile) throws(ConfigurationError) -> [String] {
        if node.scalar != nil { return [try file.text(node, expected: "许可清单文件")] }
        guard let sequence = node.sequence else { throw file.error("licences 应为文件路径或路径列表", at: node) }
        var paths: [String] = []
        for item in sequence { paths.append(try file.text(item, expected: "许可清单文件")) }
        return paths
    }

    private static func region(_ node: Node, in file: YAMLFile) throws(ConfigurationError) -> Region {
        if node.scalar != nil { return Region(name: try file.text(node, expected: "地区名称")) }
        var name: String?
        var code: String?
        var level: Level?
        for (key, value) in try file.mapping(node, expected: "地区（name、code、level）") {
            switch try file.text(key, expected: "地区的属性名") {
            case "name", "名称": name = try file.text(value, expected: "地区名称")
            case "code", "代码": code = try file.text(value, expected: "行政区划代码")
            case "level", "层级": level = try Self.level(value, in: file)
            case let other: throw file.error("未知的地区属性“\(other)”。可用：name（名称）、code（代码）、level（层级）", at: key)
            }
        }
        guard let name else { throw file.error("地区缺少 name（名称）", at: node) }
        return Region(name: name, code: code, level: level)
    }

    private static func feedback(_ node: Node, in file: YAMLFile) throws(ConfigurationError) -> FeedbackSettings {
        var settings = FeedbackSettings()
        for (key, value) in try file.mapping(node, expected: "诉求渠道（phone、address、web）") {
            switch try file.text(key, expected: "诉求渠道的属性名") {
            case "phone", "电话": settings.phone = try file.text(value, expected: "电话")
            case "address", "地址": settings.address = try file.text(value, expected: "地址")
            case "web", "网址": settings.webForm = try file.text(value, expected: "网址")
            case let other: throw file.error("未知的诉求渠道属性“\(other)”。可用：phone（电话）、address（地址）、web（网址）", at: key)
            }
        }
        return settings
    }

    /// A file (or revision) alone, or `file` and `level`.
    private static func guidance(_ node: Node, in file: YAMLFile) throws(ConfigurationError) -> GuidanceSettings {
        if node.scalar != nil { return GuidanceSettings(file: try file.text(node, expected: "指导目录文件")) }
        var settings = GuidanceSettings(file: "")
        for (key, value) in try file.mapping(node, expected: "指导目录（file、level）") {
            switch try file.text(key, expected: "指导目录的属性名") {
            case "file", "文件": settings.file = try file.text(value, expected: "指导目录文件")
            case "level", "层级": settings.level = try Self.level(value, in: file)
            case let other: throw file.error("未知的指导目录属性“\(other)”。可用：file（文件）、level（层级）", at: key)
            }
        }
        guard !settings.file.isEmpty else { throw file.error("指导目录缺少 file（文件）", at: node) }
        return settings
    }

    /// A level by key, label or alias (`city`, `市级`, `地州市级`).
    private static func level(_ node: Node, in file: YAMLFile) throws(ConfigurationError) -> Level {
        let text = try file.text(node, expected: "层级")
        guard let level = Level(alias: text) else {
            let known = Level.allCases.map { "\($0.label)（\($0.rawValue)）" }.joined(separator: "、")
            throw file.error("未知层级“\(text)”。可用：\(known)", at: node)
        }
        return level
    }

    private static func fileMapping(_ node: Node, in file: YAMLFile) throws(ConfigurationError) -> FileMapping {
        var mapping = FileMapping()
        for (key, value) in try file.mapping(node, expected: "单位与层级（unit、level）") {
            switch try file.text(key, expected: "属性名") {
            case "unit", "单位": mapping.unit = try file.text(value, expected: "单位名称")
            case "level", "层级": mapping.level = try Self.level(value, in: file)
            case let other: throw file.error("未知属性“\(other)”。可用：unit（单位）、level（层级）", at: key)
            }
        }
        return mapping
    }
}

/// What the workspace config says about one file; nil members are inferred as usual.
public struct FileMapping: Sendable, Equatable {
    public var unit: String?
    public var level: Level?

    public init(unit: String? = nil, level: Level? = nil) {
        self.unit = unit
        self.level = level
    }
}

/// The public's channel for questions and complaints (诉求渠道), as the config states it.
public struct FeedbackSettings: Sendable, Equatable {
    public var phone: String?
    public var address: String?
    /// A web form's address.
    public var webForm: String?

    public init(phone: String? = nil, address: String? = nil, webForm: String? = nil) {
        self.phone = phone
        self.address = address
        self.webForm = webForm
    }
}

/// The guidance catalogue (指导目录) a workspace is measured against, as the config states it.
public struct GuidanceSettings: Sendable, Equatable {
    /// A workbook (relative to the workspace folder, or absolute) or a revision label.
    public var file: String
    /// The guidance level to compare; nil for the region's level.
    public var level: Level?

    public init(file: String, level: Level? = nil) {
        self.file = file
        self.level = level
    }
}
