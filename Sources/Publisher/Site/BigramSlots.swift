/// Bigram → slot, numbered in the order bigrams are first met: an open-addressing table of
/// packed bigrams with a multiplicative hash. Building the index of 100,000 items looks up some
/// 30 million bigrams; `Dictionary<UInt64, Int>` spent most of that time in SipHash, and the
/// keys are already well-mixed numbers that need no protection against crafted collisions
/// beyond what a full table scan costs (the table never gets more than half full).
struct BigramSlots {
    /// By slot, the bigram it holds.
    private(set) var bigrams: [UInt64] = []
    /// Open addressing: bigram + 1 (0 marks an empty place) and its slot.
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64

    init() {
        keys = Array(repeating: 0, count: 1 << 12)
        values = Array(repeating: 0, count: 1 << 12)
        shift = 64 - 12
    }

    var count: Int { bigrams.count }

    /// The slot of `bigram`, and whether it was added by this call.
    mutating func slot(of bigram: UInt64) -> (slot: Int, isNew: Bool) {
        var place = Int(truncatingIfNeeded: (bigram &* 0x9E37_79B9_7F4A_7C15) >> shift)
        let mask = keys.count - 1
        while true {
            let key = keys[place]
            if key == bigram &+ 1 { return (Int(values[place]), false) }
            if key == 0 { break }
            place = (place + 1) & mask
        }
        let slot = bigrams.count
        keys[place] = bigram &+ 1
        values[place] = Int32(slot)
        bigrams.append(bigram)
        if 2 * bigrams.count > keys.count { grow() }
        return (slot, true)
    }

    /// The slot of a bigram already added; nil for one never seen.
    func slot(ofKnown bigram: UInt64) -> Int? {
        var place = Int(truncatingIfNeeded: (bigram &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[place] != 0 {
            if keys[place] == bigram &+ 1 { return Int(values[place]) }
            place = (place + 1) & (keys.count - 1)
        }
        return nil
    }

    private mutating func grow() {
        let size = keys.count * 2
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        shift -= 1
        for (slot, bigram) in bigrams.enumerated() {
            var place = Int(truncatingIfNeeded: (bigram &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[place] != 0 { place = (place + 1) & (size - 1) }
            keys[place] = bigram &+ 1
            values[place] = Int32(slot)
        }
    }
}
