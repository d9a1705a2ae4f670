import Foundation

/// Runs the built `powerlist` executable as a user would, for end-to-end tests.
struct PowerlistCLI {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/fixtures/real/` beside the package; tests skip when it is absent.
    static let realFixtures = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/real", isDirectory: true)

    static var realFixturesPresent: Bool {
        FileManager.default.fileExists(atPath: realFixtures.path)
    }

    /// The `powerlist` binary next to the test bundle in the build folder.
    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("powerlist").path),
              folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("powerlist")
    }

    /// Runs `powerlist ARGUMENTS` (or another program) in `directory` and captures its output.
    static func run(_ arguments: [String], in directory: URL? = nil, program: URL = executable) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(exitCode: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
