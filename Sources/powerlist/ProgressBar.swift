import Foundation

/// Shows how far a long job is: a redrawn bar on an interactive terminal, plain lines
/// otherwise (so logs and pipes get readable text instead of carriage returns).
struct ProgressBar {
    let total: Int
    let interactive: Bool
    private let width = 24

    init(total: Int, interactive: Bool = Terminal.isInteractive) {
        self.total = total
        self.interactive = interactive
    }

    /// Announces that step `index` (0-based) of `total`, named `label`, starts.
    func show(step index: Int, label: String) {
        let counter = "(\(index + 1)/\(total))"
        if interactive {
            let filled = total == 0 ? width : width * index / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let line = "\r\u{1B}[2K\(bar) \(counter) \(DisplayWidth.truncate(label, to: 50))"
            FileHandle.standardOutput.write(Data(line.utf8))
        } else {
            print("正在导入 \(counter) \(label)")
        }
    }

    /// Removes the bar so the next output starts on a clean line.
    func clear() {
        if interactive { FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
