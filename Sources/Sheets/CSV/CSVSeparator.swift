/// The character between the fields of a delimited text file.
public enum CSVSeparator: UInt8, Sendable, CaseIterable {
    // Declaration order is the preference when two separators fit equally well.
    case comma = 0x2C
    case tab = 0x09
    case semicolon = 0x3B
    case pipe = 0x7C

    /// How the separator is named to a user.
    public var displayName: String {
        switch self {
        case .comma: "逗号（,）"
        case .tab: "制表符（Tab）"
        case .semicolon: "分号（;）"
        case .pipe: "竖线（|）"
        }
    }

    /// Picks the separator that occurs the same number of times on the most of the first records.
    ///
    /// Counts are taken outside double quotes, over at most `sampleRecords` non-blank records
    /// in the first `sampleBytes` bytes. A file in which no candidate occurs has one column;
    /// it is read with the comma.
    static func detect(in utf8: UnsafeRawBufferPointer, sampleRecords: Int = 50,
                       sampleBytes: Int = 65_536) -> CSVSeparator {
        let candidates = allCases
        var countsPerRecord: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var recordIsBlank = true
        var insideQuotes = false
        let end = min(utf8.count, sampleBytes)
        var index = 0

        func endRecord() {
            if !recordIsBlank { countsPerRecord.append(counts) }
            counts = [Int](repeating: 0, count: candidates.count)
            recordIsBlank = true
        }

        while index < end, countsPerRecord.count < sampleRecords {
            let byte = utf8[index]
            index += 1
            if byte == UInt8(ascii: "\"") {
                // Toggling on every quote also handles doubled quotes inside a quoted field.
                insideQuotes.toggle()
                recordIsBlank = false
            } else if insideQuotes {
                continue
            } else if byte == 0x0A || byte == 0x0D {
                endRecord()
            } else {
                recordIsBlank = false
                if let position = candidates.firstIndex(where: { $0.rawValue == byte }) {
                    counts[position] += 1
                }
            }
        }
        // A record cut off by the sample limit would miscount; keep it only if it is all we have
        // or the file really ends there.
        if index == utf8.count || countsPerRecord.isEmpty { endRecord() }

        var best = CSVSeparator.comma
        var bestScore = 0
        for (position, candidate) in candidates.enumerated() {
            let score = consistency(of: countsPerRecord.map { $0[position] })
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    /// How many records share the most common non-zero count.
    private static func consistency(of counts: [Int]) -> Int {
        var frequency: [Int: Int] = [:]
        for count in counts where count > 0 {
            frequency[count, default: 0] += 1
        }
        return frequency.values.max() ?? 0
    }
}
