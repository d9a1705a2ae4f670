import Foundation

/// Parses one large worksheet part on all cores: libxml2 parses a document on one thread, and
/// on a 200,000-item list that one thread was the whole read. One thread inflates the part and
/// cuts it into pieces of whole rows (`SheetFrame`); the others parse the pieces, each into a
/// grid of its own; the calling thread joins the grids in order as they come.
///
/// An optimisation only: whatever it does not expect — markup it does not cut (a comment, a
/// CDATA section), a piece that fails to parse, a limit passed, a damaged stream — makes it
/// give up (`nil`) and the part is read again in one go, which says what is wrong and where.
/// The grid it returns is the one that reading gives.
final class SegmentedSheetParse: @unchecked Sendable {
    /// When a part is cut, and into what.
    struct Sizes: Sendable {
        /// Parts whose declared size is below this are read in one go.
        var threshold = 16 << 20
        /// Inflated bytes per piece: large enough that each piece's parser set-up is nothing,
        /// small enough that the pieces in flight cost little memory.
        var pieceSize = 4 << 20
        /// Threads parsing pieces; with one core the part is read in one go.
        var workers = ProcessInfo.processInfo.activeProcessorCount
    }
    /// Pieces cut and waiting for a parsing thread, at most.
    static let depth = 2

    private struct Piece {
        var index: Int
        var bytes: [UInt8]
        var isLast: Bool
    }

    private let styles: StyleSheet
    private let limits: ReadLimits
    private let pieceSize: Int
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var waiting: [Piece] = []
    private var frame: SheetFrame?
    private var grids: [Int: SheetGrid] = [:]
    private var pieceCount: Int?
    private var failed = false
    private var cutterDone = false

    private init(styles: StyleSheet, limits: ReadLimits, pieceSize: Int) {
        self.styles = styles
        self.limits = limits
        self.pieceSize = pieceSize
    }

    /// The grid of `entry`, or nil when it must be read in one go. Takes what it inflates
    /// from `budget`, and gives it back when it gives up.
    static func grid(of part: Inflater, styles: StyleSheet, limits: ReadLimits, budget: InflationBudget,
                     expectedCells: Int, sizes: Sizes = Sizes()) -> SheetGrid? {
        guard sizes.workers > 1, part.entry.uncompressedSize > sizes.threshold else { return nil }
        let parse = SegmentedSheetParse(styles: styles, limits: limits, pieceSize: max(1, sizes.pieceSize))
        let inflated = Inflated()
        Thread.detachNewThread { parse.cut(part, budget: budget, inflated: inflated) }
        for _ in 0..<sizes.workers { Thread.detachNewThread { parse.work() } }
        let grid = parse.join(expectedCells: expectedCells)
        parse.waitForCutter()
        if grid == nil { budget.refund(inflated.count) }
        return grid
    }

    // MARK: The cutting thread

    private func cut(_ part: Inflater, budget: InflationBudget, inflated: Inflated) {
        defer {
            condition.withLock {
                cutterDone = true
                condition.broadcast()
            }
        }
        var pending: [UInt8] = []
        pending.reserveCapacity(pieceSize + XLSXPackage.bufferSize)
        var index = 0
        do {
            try ZIPEntryReader.read(part.entry, in: part.bytes, chunkSize: XLSXPackage.bufferSize) { chunk in
                guard !hasFailed else { throw Stop() }
                inflated.count += chunk.count
                guard budget.consume(chunk.count), !tooCompressed(inflated.count, part.entry) else { throw Stop() }
                pending.append(contentsOf: chunk)
                guard let frame = try self.frame(of: pending) else { return }
                while pending.count >= pieceSize, let cut = cut(pending, frame, first: index == 0) {
                    try send(Piece(index: index, bytes: Array(pending[..<cut]), isLast: false))
                    pending.removeFirst(cut)
                    index += 1
                }
            }
            guard try frame(of: pending) != nil else { throw Stop() }
            try send(Piece(index: index, bytes: pending, isLast: true))
        } catch {
            fail()
        }
    }

    private struct Stop: Error {}

    /// Where the next piece ends: before the last numbered row in its first `pieceSize` bytes
    /// (after the header, in the first piece), else before the last one inflated so far.
    private func cut(_ pending: [UInt8], _ frame: SheetFrame, first: Bool) -> Int? {
        let from = first ? frame.header.count : 1
        return pending.withUnsafeBytes { bytes in
            let window = UnsafeRawBufferPointer(rebasing: bytes[..<min(bytes.count, from + pieceSize)])
            return frame.lastRowStart(in: window, from: from) ?? frame.lastRowStart(in: bytes, from: from)
        }
    }

    /// The sheet's frame, found in its first bytes; throws when they are not what a cut needs.
    private func frame(of pending: [UInt8]) throws -> SheetFrame? {
        if let frame = condition.withLock({ frame }) { return frame }
        let found = pending.withUnsafeBytes { SheetFrame(prefix: $0) }
        // The start tags before the rows take a few hundred bytes.
        guard found != nil || pending.count < max(pieceSize, 1 << 20) else { throw Stop() }
        if let found { condition.withLock { frame = found } }
        return found
    }

    /// As `PartFeeder` checks the ratio.
    private func tooCompressed(_ inflated: Int, _ entry: ZIPEntry) -> Bool {
        inflated > ReadLimits.ratioCheckThreshold && inflated / max(entry.compressedSize, 1) > limits.maxCompressionRatio
    }

    private func send(_ piece: Piece) throws {
        let markup = piece.index == 0 ? frameHeaderCount : 0
        guard piece.bytes.withUnsafeBytes({ SheetFrame.isPlain(UnsafeRawBufferPointer(rebasing: $0[markup...])) }) else {
            throw Stop()
        }
        try condition.withLock {
            while waiting.count >= Self.depth && !failed { condition.wait() }
            guard !failed else { throw Stop() }
            waiting.append(piece)
            if piece.isLast { pieceCount = piece.index + 1 }
            condition.broadcast()
        }
    }

    private var frameHeaderCount: Int { condition.withLock { frame?.header.count ?? 0 } }

    // MARK: The parsing threads

    private func work() {
        while let piece = take() {
            guard let grid = parse(piece) else { return fail() }
            // A row without its number follows the one before it, in the piece before.
            guard piece.index == 0 || grid.firstRowNumbered else { return fail() }
            condition.withLock {
                grids[piece.index] = grid
                condition.broadcast()
            }
        }
    }

    private func take() -> Piece? {
        condition.withLock {
            while waiting.isEmpty && !failed && pieceCount == nil { condition.wait() }
            guard !failed, !waiting.isEmpty else { return nil }
            condition.broadcast()
            return waiting.removeFirst()
        }
    }

    /// One piece's grid, nil when it does not parse cleanly.
    private func parse(_ piece: Piece) -> SheetGrid? {
        guard let frame = condition.withLock({ frame }) else { return nil }
        if let scanned = scan(piece, frame) { return scanned }
        let handler = SheetXMLHandler(styles: styles, expectedCells: piece.bytes.count / 48, limits: limits)
        guard let parser = XMLPushParser(handler: handler) else { return nil }
        do {
            if piece.index > 0 { try frame.header.withUnsafeBytes { try parser.feed($0) } }
            try piece.bytes.withUnsafeBytes { bytes in
                var start = 0
                while start < bytes.count {
                    let end = min(start + XLSXPackage.bufferSize, bytes.count)
                    try parser.feed(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                    guard handler.breach == nil, parser.depth <= ReadLimits.maxXMLDepth, !hasFailed else { throw Stop() }
                    start = end
                }
            }
            if !piece.isLast { try frame.footer.withUnsafeBytes { try parser.feed($0) } }
            try parser.finish()
        } catch {
            return nil
        }
        return handler.breach == nil ? handler.grid : nil
    }

    /// The piece's grid read by `PlainXMLScanner`: `.some(nil)` when it passed a limit, nil
    /// when it is not plain enough for the scanner and libxml2 must read it.
    private func scan(_ piece: Piece, _ frame: SheetFrame) -> SheetGrid?? {
        var document: [UInt8] = []
        document.reserveCapacity(frame.header.count + piece.bytes.count + frame.footer.count)
        if piece.index > 0 { document += frame.header }
        document += piece.bytes
        if !piece.isLast { document += frame.footer }
        var state = SheetParseState(styles: styles, expectedCells: piece.bytes.count / 48, limits: limits)
        guard document.withUnsafeBufferPointer({ PlainXMLScanner.scan($0, into: &state) }) else { return nil }
        return .some(state.breach == nil ? state.grid : nil)
    }

    // MARK: The calling thread

    /// The pieces' grids joined in order; nil once anything failed.
    private func join(expectedCells: Int) -> SheetGrid? {
        var grid = SheetGrid()
        grid.cells.reserveCapacity(expectedCells)
        var index = 0
        while true {
            let next: SheetGrid?? = condition.withLock {
                while grids[index] == nil && !failed && !(pieceCount.map { index >= $0 } ?? false) { condition.wait() }
                if failed { return .some(nil) }
                guard let piece = grids.removeValue(forKey: index) else { return nil } // all joined
                return .some(piece)
            }
            guard let next else { break }
            guard let piece = next else { return nil }
            grid.append(piece)
            guard grid.cells.count <= limits.maxCells else { fail(); return nil }
            index += 1
        }
        return grid
    }

    private func waitForCutter() {
        condition.withLock {
            while !cutterDone { condition.wait() }
        }
    }

    // MARK: Shared state

    private var hasFailed: Bool { condition.withLock { failed } }

    private func fail() {
        condition.withLock {
            failed = true
            condition.broadcast()
        }
    }
}

/// The bytes inflated so far, counted by the cutting thread and read once it is done.
private final class Inflated: @unchecked Sendable {
    var count = 0
}

extension SheetGrid {
    /// Appends the grid of the rows that follow this one's, as one parse of both would have
    /// made it: a blank row left at the end of this one is dropped (as the next row's start
    /// drops it), and the appended cells' texts point past this one's.
    mutating func append(_ next: SheetGrid) {
        if !next.rows.isEmpty, let last = rows.last, last.firstCell == cells.count, !last.isHidden {
            rows.removeLast()
        }
        if rows.isEmpty { firstRowNumbered = next.firstRowNumbered }
        let (cellOffset, textOffset) = (cells.count, UInt64(texts.count))
        rows.append(contentsOf: next.rows.lazy.map { row in
            var row = row
            row.firstCell += cellOffset
            return row
        })
        cells.append(contentsOf: next.cells.lazy.map { cell in
            var cell = cell
            switch cell.kind {
            case .text, .isoDate, .error: cell.payload += textOffset
            case .number, .dateSerial, .sharedString, .bool: break
            }
            return cell
        })
        texts.append(contentsOf: next.texts)
        mergedRanges.append(contentsOf: next.mergedRanges)
    }
}
