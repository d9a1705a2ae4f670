import Foundation

/// Read-only bytes of a legacy workbook: the file mapped into memory, or a copy of an array.
///
/// Mapping spares copying a file of tens of megabytes before reading it (that copy was a sixth
/// of the reader's time). Indexing is bounds-checked like an array's: offsets come from the file.
struct ByteView: RandomAccessCollection {
    /// Owns the memory and frees it when the last view of it is gone.
    private final class Storage {
        let bytes: UnsafeRawBufferPointer
        private let isMapped: Bool

        init(copying array: [UInt8]) {
            let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: array.count, alignment: 1)
            memory.copyBytes(from: array)
            bytes = UnsafeRawBufferPointer(memory)
            isMapped = false
        }

        init(mapped bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
            isMapped = true
        }

        deinit {
            if isMapped {
                munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
            } else {
                bytes.deallocate()
            }
        }
    }

    private let storage: Storage
    /// `storage.bytes`, kept here so indexing does not go through the class.
    private let bytes: UnsafeRawBufferPointer

    init(_ array: [UInt8]) {
        storage = Storage(copying: array)
        bytes = storage.bytes
    }

    /// The file mapped read-only; nil when it cannot be mapped (empty, a pipe…), so the caller
    /// reads it instead.
    static func mapping(_ descriptor: Int32) -> ByteView? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0,
              let address = mmap(nil, Int(status.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0),
              address != MAP_FAILED else { return nil }
        return ByteView(storage: Storage(mapped: UnsafeRawBufferPointer(start: address, count: Int(status.st_size))))
    }

    private init(storage: Storage) {
        self.storage = storage
        bytes = storage.bytes
    }

    var startIndex: Int { 0 }
    var endIndex: Int { bytes.count }

    @inline(__always) subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < bytes.count, "byte offset out of range")
        return bytes[position]
    }

    /// Appends the bytes in `range` to `array` in one copy (not byte by byte through `subscript`).
    func append(_ range: Range<Int>, to array: inout [UInt8]) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "byte range out of range")
        withExtendedLifetime(storage) { array.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[range])) }
    }

    /// The memory itself, for code that has checked its range; valid only inside `body`.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) { try body(bytes) }
    }
}

extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// Little-endian reads at a byte offset the caller has already checked to be in range.
    @inline(__always) func u16(at offset: Int) -> Int {
        Int(self[offset]) | Int(self[offset + 1]) << 8
    }

    @inline(__always) func u32(at offset: Int) -> Int {
        Int(self[offset]) | Int(self[offset + 1]) << 8 | Int(self[offset + 2]) << 16 | Int(self[offset + 3]) << 24
    }

    @inline(__always) func f64(at offset: Int) -> Double {
        var bits: UInt64 = 0
        for index in (0..<8).reversed() { bits = bits << 8 | UInt64(self[offset + index]) }
        return Double(bitPattern: bits)
    }
}
