import Foundation

/// Many texts' UTF-8 bytes in one array, for sorting them by bytes (as `ByteKey` orders them)
/// without touching a `String` per comparison: each access to a text in an array retains and
/// releases it, and sorting 200,000 keys makes millions of comparisons.
struct PackedTexts {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    init(_ texts: [String]) {
        bytes.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count })
        starts.reserveCapacity(texts.count + 1)
        for text in texts {
            bytes.append(contentsOf: text.utf8)
            starts.append(bytes.count)
        }
    }

    /// The texts' indices sorted by bytes (a shorter text before the longer one it begins),
    /// equal texts by `tie`.
    func sortedIndices(tie: (Int, Int) -> Bool) -> [Int] {
        bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                (0..<(starts.count - 1)).sorted { lhs, rhs in
                    let (left, right) = (starts[lhs], starts[rhs])
                    let (leftCount, rightCount) = (starts[lhs + 1] - left, starts[rhs + 1] - right)
                    let common = min(leftCount, rightCount)
                    let order = common == 0 ? 0 : memcmp(bytes.baseAddress! + left, bytes.baseAddress! + right, common)
                    if order != 0 { return order < 0 }
                    return leftCount != rightCount ? leftCount < rightCount : tie(lhs, rhs)
                }
            }
        }
    }
}
