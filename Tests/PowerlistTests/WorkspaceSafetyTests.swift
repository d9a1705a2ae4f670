import Foundation
import GRDB
import Store
import Testing

/// A workspace survives what happens to the process writing it: `kill -9` at any moment,
/// a second powerlist at the same time, a read-only folder, a full disk. Each test runs
/// the real binary, as a user would.
@Suite("Workspace safety: the real binary killed, doubled, starved", .serialized)
struct WorkspaceSafetyTests {
    /// A list whose every item names its version, so a workspace shows which one it holds.
    static func list(version: Int, items: Int) -> Data {
        var text = "序号,事项名称,权力类型\n"
        for index in 1...items { text += "\(index),对第\(version)版第\(index)项违法行为的处罚,行政处罚\n" }
        return Data(text.utf8)
    }

    /// The versions of the items stored for `2024`, and `PRAGMA integrity_check`'s answer.
    static func state(of folder: URL) throws -> (versions: [Int: Int], integrity: String) {
        let database = try DatabaseQueue(path: folder.appendingPathComponent(Workspace.databaseFileName).path)
        let integrity = try database.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } ?? ""
        let items = try Workspace.open(folder: folder, create: false).items(matching: ItemFilter(revision: "2024"))
        var versions: [Int: Int] = [:]
        for stored in items {
            let name = stored.item.fields[.name] ?? ""
            let version = name.split(separator: "第").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) } ?? -1
            versions[version, default: 0] += 1
        }
        return (versions, integrity)
    }

    @Test func anImportKilledAtAnyMomentLeavesTheOldOrTheNewStateOfTheFile() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        let file = folder.appendingPathComponent("清单.csv")
        let itemCount = { (version: Int) in 1_500 + version * 7 }
        try Self.list(version: 0, items: itemCount(0)).write(to: file)
        let started = Date()
        #expect(try PowerlistCLI.run(["import", "--revision", "2024", "清单.csv"], in: folder).exitCode == 0)
        let fullImport = Date().timeIntervalSince(started)
        var stored = 0
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        for version in 1...12 {
            try Self.list(version: version, items: itemCount(version)).write(to: file)
            let process = Process()
            process.executableURL = PowerlistCLI.executable
            process.arguments = ["import", "--revision", "2024", "清单.csv"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(Double.random(in: 0...(fullImport * 1.1), using: &generator) * 1_000_000))
            if process.isRunning { kill(process.processIdentifier, SIGKILL); kills += 1 }
            process.waitUntilExit()

            let (versions, integrity) = try Self.state(of: folder)
            #expect(integrity == "ok", "after a kill at version \(version)")
            #expect(versions.count == 1, "one version of the file, never a mix: \(versions)")
            let (held, count) = try #require(versions.first)
            #expect(held == stored || held == version, "old (\(stored)) or new (\(version)) state, not \(held)")
            #expect(count == itemCount(held), "every item of version \(held)")
            stored = held
        }
        #expect(kills > 0, "at least one import was killed while running")
    }

    @Test func twoImportsAtOnceBothSucceedOneAfterTheOther() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        try Self.list(version: 1, items: 800).write(to: folder.appendingPathComponent("甲.csv"))
        try Self.list(version: 2, items: 900).write(to: folder.appendingPathComponent("乙.csv"))
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let result = try? PowerlistCLI.run(["import", "--revision", "2024", index == 0 ? "甲.csv" : "乙.csv"], in: folder)
            results.set(index, result)
        }
        for index in 0..<2 {
            let result = try #require(results.get(index))
            #expect(result.exitCode == 0, "\(result.stderr)")
        }
        let (versions, integrity) = try Self.state(of: folder)
        #expect(integrity == "ok")
        #expect(versions == [1: 800, 2: 900])
    }

    @Test func anImportThatCannotGetTheWorkspaceSaysAnotherPowerlistHoldsIt() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        try Self.list(version: 1, items: 3).write(to: folder.appendingPathComponent("甲.csv"))
        #expect(try PowerlistCLI.run(["import", "--revision", "2024", "甲.csv"], in: folder).exitCode == 0)
        try Self.list(version: 2, items: 4).write(to: folder.appendingPathComponent("甲.csv"))
        let lock = try WorkspaceLock.acquire(folder: folder.standardizedFileURL, timeout: 0)
        let result = try PowerlistCLI.run(["import", "--revision", "2024", "--wait", "0.3", "甲.csv"], in: folder)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("工作区正被另一个 powerlist 进程使用"))
        // Reading is not blocked by an import in progress.
        #expect(try PowerlistCLI.run(["items", "--revision", "2024"], in: folder).exitCode == 0)
        withExtendedLifetime(lock) {}
        #expect(try Self.state(of: folder).versions == [1: 3])
    }

    @Test func aReadOnlyWorkspaceGivesAClearMessageAndLosesNothing() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        try Self.list(version: 1, items: 5).write(to: folder.appendingPathComponent("甲.csv"))
        #expect(try PowerlistCLI.run(["import", "--revision", "2024", "甲.csv"], in: folder).exitCode == 0)
        try Self.list(version: 2, items: 6).write(to: folder.appendingPathComponent("甲.csv"))
        let database = folder.appendingPathComponent(Workspace.databaseFileName).path
        chmod(database, 0o444)
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755); chmod(database, 0o644) }

        let result = try Self.runUnprivileged(["import", "--revision", "2024", "甲.csv"], in: folder)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("只读") || result.stderr.contains("权限"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        chmod(folder.path, 0o755)
        chmod(database, 0o644)
        let (versions, integrity) = try Self.state(of: folder)
        #expect(integrity == "ok")
        #expect(versions == [1: 5])
    }

    @Test func aFullDiskGivesAClearMessageAndLosesNothing() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        try Self.list(version: 1, items: 5).write(to: folder.appendingPathComponent("甲.csv"))
        #expect(try PowerlistCLI.run(["import", "--revision", "2024", "甲.csv"], in: folder).exitCode == 0)
        try Self.list(version: 2, items: 20_000).write(to: folder.appendingPathComponent("甲.csv"))
        let size = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(Workspace.databaseFileName).path)[.size] as? Int ?? 0
        // No file may grow past the database's size now: the new items cannot be written.
        let command = "trap '' XFSZ; ulimit -f \(size / 512 + 1); exec \"$0\" \"$@\""
        let result = try PowerlistCLI.run(["-c", command, PowerlistCLI.executable.path, "import", "--revision", "2024", "甲.csv"],
                                          in: folder, program: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("磁盘") && result.stderr.contains("原有数据未受影响"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        let (versions, integrity) = try Self.state(of: folder)
        #expect(integrity == "ok")
        #expect(versions == [1: 5])
    }

    /// Root ignores file permissions: run as root without the capabilities that override them.
    static func runUnprivileged(_ arguments: [String], in folder: URL) throws -> PowerlistCLI.Result {
        guard getuid() == 0 else { return try PowerlistCLI.run(arguments, in: folder) }
        return try PowerlistCLI.run(["--bounding-set", "-dac_override,-dac_read_search,-fowner", PowerlistCLI.executable.path] + arguments,
                                    in: folder, program: URL(fileURLWithPath: "/usr/bin/setpriv"))
    }
}

/// Results handed back from concurrent threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: PowerlistCLI.Result] = [:]
    func set(_ index: Int, _ result: PowerlistCLI.Result?) { lock.withLock { results[index] = result } }
    func get(_ index: Int) -> PowerlistCLI.Result? { lock.withLock { results[index] } }
}
