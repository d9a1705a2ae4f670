import Foundation

/// The spreadsheet files named on the command line: files as given, folders searched recursively.
public struct SourceFiles: Sendable {
    /// A file to import and the name to show for it (and to record in provenance): the path
    /// relative to the folder it was found in, or the file's name when it was named directly.
    public struct File: Sendable {
        public var url: URL
        public var displayName: String

        public init(url: URL, displayName: String) {
            self.url = url
            self.displayName = displayName
        }
    }

    /// Extensions taken from folders; a file named directly is imported whatever its name.
    public static let spreadsheetExtensions: Set<String> = ["xlsx", "xlsm", "xls", "csv", "tsv", "txt"]

    public var files: [File] = []
    /// Arguments that name nothing, as Chinese messages.
    public var missing: [String] = []

    public init(arguments: [String]) {
        for argument in arguments {
            let url = URL(fileURLWithPath: argument).standardizedFileURL
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                missing.append("找不到文件或文件夹 \(argument)。")
            } else if isDirectory.boolValue {
                files += Self.spreadsheets(in: url)
            } else {
                files.append(File(url: url, displayName: url.lastPathComponent))
            }
        }
    }

    /// Spreadsheets under `folder`, by path; hidden files and folders and Office lock files
    /// (`~$name.xlsx`) are skipped.
    private static func spreadsheets(in folder: URL) -> [File] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var found: [File] = []
        let prefix = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            guard !name.hasPrefix("~$"), !name.hasPrefix("."),
                  spreadsheetExtensions.contains(url.pathExtension.lowercased()),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : name
            found.append(File(url: url.standardizedFileURL, displayName: relative))
        }
        return found.sorted { $0.displayName < $1.displayName }
    }
}
