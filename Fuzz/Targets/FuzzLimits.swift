@testable import Sheets

/// Smaller than Excel's maxima so an input cannot spend the run's memory on one huge grid:
/// libFuzzer's inputs are at most a few kilobytes, but a ZIP can inflate them a thousandfold.
enum FuzzLimits {
    static let limits = ReadLimits(maxRows: 100_000, maxCells: 1_000_000, maxInflatedBytes: 256 << 20)
}
