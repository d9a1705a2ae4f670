import Foundation
import Testing

@Test func executableIsBuilt() {
    #expect(FileManager.default.fileExists(atPath: PowerlistCLI.executable.path))
}
