import ArgumentParser
import Foundation

/// Output helpers shared by the commands. User-facing text is Simplified Chinese.
enum Terminal {
    /// Writes a line to standard error.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// `错误：…`, the one way every command words a failure for the user.
    static func errorMessage(_ error: any Error) -> String {
        "错误：\(error)"
    }

    /// True when standard output is an interactive terminal (progress bars, colours).
    static var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 }
}

/// A failure to report to the user: printed as `错误：…` on standard error, exit code 1,
/// never a stack trace. Commands catch library errors and rethrow them as this.
struct UserFacingError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

extension ParsableCommand {
    /// Runs `body`, turning any error into a Chinese message on standard error and exit code 1.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Terminal.printError(Terminal.errorMessage(error))
            throw ExitCode(1)
        }
    }
}
