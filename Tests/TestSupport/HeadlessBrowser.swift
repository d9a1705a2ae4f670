import Foundation

/// Debian's `chromium`, run headless on a page from `file://`: the DOM after scripts ran,
/// as a person's browser would show it. Tests using it are skipped when it is absent
/// (CI installs it: `.ci/run`).
public enum HeadlessBrowser {
    public static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The serialized DOM of a page (a query such as `?q=许可` may follow the file).
    public static func dom(_ file: URL, query: String = "") throws -> String {
        try run(["--dump-dom", file.absoluteString + query])
    }

    public static func screenshot(_ file: URL, to png: URL, width: Int = 1280, height: Int = 1000) throws {
        _ = try run(["--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars", file.absoluteString])
    }

    private static func run(_ arguments: [String]) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--no-first-run", "--user-data-dir=\(profile.path)", "--virtual-time-budget=5000"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
