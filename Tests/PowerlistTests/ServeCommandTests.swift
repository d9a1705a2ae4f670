import Foundation
import Testing

/// `powerlist serve`: a preview for the person at the keyboard, on 127.0.0.1 only.
@Suite("powerlist serve")
struct ServeCommandTests {
    /// Starts `serve --port 0` on the published example's workspace; returns the process and
    /// the port it printed.
    private func start(_ workspace: URL) throws -> (Process, UInt16) {
        let process = Process()
        process.executableURL = PowerlistCLI.executable
        process.arguments = ["serve", "--workspace", workspace.path, "--port", "0", "--revision", "2024"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let port = text.split(separator: ":").last.flatMap { UInt16($0.prefix { $0.isNumber }) }
        return (process, try #require(port, "serve printed no address: \(text)"))
    }

    private func curl(_ url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-i", "--path-as-is", "--max-time", "10", url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The local addresses listening on `port` (IPv4, from /proc/net/tcp): `0100007F` is 127.0.0.1.
    private func listeningAddresses(port: UInt16) throws -> [String] {
        let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        let portHex = String(format: "%04X", port)
        return table.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: " ")
            guard columns.count > 3, columns[3] == "0A" else { return nil }
            let local = columns[1].split(separator: ":")
            return local.count == 2 && local[1] == portHex ? String(local[0]) : nil
        }
    }

    @Test("serves the home page on 127.0.0.1 only, and nothing outside the site",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"), "curl 未安装"))
    func servesHome() throws {
        let example = try PublishedExample.get()
        let (process, port) = try start(example.workspace)
        // SIGKILL: a child of the test process inherits its blocked signals, SIGTERM among them.
        defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        #expect(try listeningAddresses(port: port) == ["0100007F"])
        let home = try curl("http://127.0.0.1:\(port)/")
        #expect(home.hasPrefix("HTTP/1.0 200"))
        #expect(home.contains("阿克塔什县权责清单"))
        let escape = try curl("http://127.0.0.1:\(port)/../../etc/passwd")
        #expect(!escape.contains("root:"))
        let missing = try curl("http://127.0.0.1:\(port)/no-such-page.html")
        #expect(missing.hasPrefix("HTTP/1.0 404"))
    }
}
