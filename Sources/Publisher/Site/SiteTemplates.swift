import Foundation

/// The site's templates (`*.mustache`) and assets (CSS, scripts, images): the defaults of
/// `Templates/site/`, with a workspace's own folder laid over them file by file, so a county
/// can restyle one partial or the stylesheet without copying the rest. Each page template is
/// compiled once (`CompiledTemplate`), with its layout and partials in place.
public struct SiteTemplates: Sendable {
    let pages: [SitePageKind: CompiledTemplate]
    /// Assets by path relative to the site root (`assets/site.css`).
    let assets: [String: Data]

    /// - Parameters:
    ///   - defaults: the `Templates/site` folder.
    ///   - overrides: a workspace's templates folder, when it has one; its files win.
    public init(defaults: URL, overrides: URL? = nil) throws(SiteError) {
        var sources: [String: (text: String, file: String)] = [:]
        var assets: [String: Data] = [:]
        for folder in [defaults] + (overrides.map { [$0] } ?? []) {
            for (path, file) in try Self.files(in: folder) {
                guard let data = FileManager.default.contents(atPath: file.path) else { throw .unreadable(file.path) }
                if path.hasSuffix(".mustache") {
                    guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(file.path) }
                    sources[String(path.dropLast(".mustache".count))] = (text, file.path)
                } else {
                    assets[path] = data
                }
            }
        }
        var library: [String: [TemplateParser.Syntax]] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do throws(TemplateError) {
                library[name] = try TemplateParser.parse(source.text)
            } catch {
                throw .template(source.file, error.description)
            }
        }
        var pages: [SitePageKind: CompiledTemplate] = [:]
        for page in SitePageKind.allCases {
            guard let source = sources[page.rawValue] else { throw .missingTemplate(page.rawValue + ".mustache", defaults.path) }
            do throws(TemplateError) {
                pages[page] = try CompiledTemplate(page.rawValue, library: library)
            } catch {
                throw .template(source.file, error.description)
            }
        }
        self.pages = pages
        self.assets = assets
    }

    /// The built-in templates: `POWERLIST_TEMPLATES`, else the first `Templates/site` found
    /// walking up from the current directory, else from the executable's.
    public static func builtInFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let named = environment["POWERLIST_TEMPLATES"], !named.isEmpty { return URL(fileURLWithPath: named, isDirectory: true) }
        let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath), Bundle.main.executableURL?.deletingLastPathComponent()]
        for start in starts.compactMap({ $0 }) {
            var folder = start.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent("Templates/site/layout.mustache")
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate.deletingLastPathComponent() }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }

    func render(_ page: SitePageKind, _ context: TemplateObject) -> [UInt8] {
        pages[page]!.render(context)
    }

    /// Regular files below a folder by relative path, hidden files skipped, in a stable order.
    private static func files(in folder: URL) throws(SiteError) -> [(String, URL)] {
        let root = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { throw .unreadable(root) }
        var found: [(String, URL)] = []
        while let path = enumerator.nextObject() as? String {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            found.append((path, url))
        }
        return found.sorted { $0.0 < $1.0 }
    }
}

/// The page templates a site needs; partials and the layout are looked up by these.
enum SitePageKind: String, CaseIterable, Sendable {
    case layout, home, units, unit, category, level, item, laws, law, changes, search, downloads, findings
}

/// Why a site could not be built, in Chinese, naming the file.
public enum SiteError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case template(String, String)
    case missingTemplate(String, String)
    case outputNotEmpty(String)
    case outputIsFile(String)
    case writeFailed(String, String)
    case unsupportedLogo(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "无法读取文件：\(path)"
        case .template(let file, let reason): "模板 \(file) 有错误：\(reason)"
        case .missingTemplate(let name, let folder): "缺少模板 \(name)（在 \(folder) 中查找）"
        case .outputNotEmpty(let path): "输出文件夹 \(path) 不是空的，也不是 powerlist 生成的网站；为避免误删，请换一个文件夹或先清空它"
        case .outputIsFile(let path): "输出位置 \(path) 是一个文件，不是文件夹；请换一个文件夹"
        case .writeFailed(let path, let reason): "无法写入 \(path)：\(reason)"
        case .unsupportedLogo(let path): "标志图片 \(path) 的格式不受支持（可用 PNG、JPEG、GIF、SVG、WebP）"
        }
    }
}
