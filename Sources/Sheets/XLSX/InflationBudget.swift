import Foundation

/// The inflated bytes all parts of one XLSX may still produce, shared by the threads that
/// read its sheets at once: a ZIP bomb is refused after `maxInflatedBytes`, not after
/// filling the disk's worth of XML through the parser.
final class InflationBudget: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int
    let limits: ReadLimits

    init(limits: ReadLimits) {
        self.limits = limits
        remaining = limits.maxInflatedBytes
    }

    /// Gives back bytes taken by a read that was given up and will be done again.
    func refund(_ count: Int) {
        lock.withLock { remaining += count }
    }

    /// Takes `count` bytes from the budget; false once it is spent.
    func consume(_ count: Int) -> Bool {
        lock.withLock {
            remaining -= count
            return remaining >= 0
        }
    }
}

/// Feeds one part's inflated chunks to its parser while watching the limits: the workbook's
/// inflation budget, the part's compression ratio, and whatever the handler found.
final class PartFeeder {
    private let part: String
    private let compressedSize: Int
    private let parser: XMLPushParser
    private let handler: XMLStreamHandler
    private let budget: InflationBudget
    private var inflated = 0

    init(part: String, compressedSize: Int, parser: XMLPushParser, handler: XMLStreamHandler, budget: InflationBudget) {
        self.part = part
        self.compressedSize = max(compressedSize, 1)
        self.parser = parser
        self.handler = handler
        self.budget = budget
    }

    func feed(_ chunk: Data) throws {
        try chunk.withUnsafeBytes { try feed($0) }
    }

    func feed(_ chunk: UnsafeRawBufferPointer) throws {
        try check(adding: chunk.count)
        try parser.feed(chunk)
        if let breach = handler.breach { throw breach }
        if parser.depth > ReadLimits.maxXMLDepth {
            throw ReadLimitBreach(violation: .xmlDepth(part: part, limit: ReadLimits.maxXMLDepth))
        }
    }

    private func check(adding count: Int) throws(ReadLimitBreach) {
        let limits = budget.limits
        inflated += count
        guard budget.consume(count) else {
            throw ReadLimitBreach(violation: .inflatedBytes(limit: limits.maxInflatedBytes))
        }
        if inflated > ReadLimits.ratioCheckThreshold, inflated / compressedSize > limits.maxCompressionRatio {
            throw ReadLimitBreach(violation: .compressionRatio(part: part, limit: limits.maxCompressionRatio))
        }
    }
}
