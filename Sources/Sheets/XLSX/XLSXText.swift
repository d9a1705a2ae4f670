import Foundation

/// Collects the text of one element across libxml2's `characters` callbacks, reusing its storage.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    var isEmpty: Bool { bytes.isEmpty }
    var count: Int { bytes.count }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: text) }

    /// The text with OOXML's `_xHHHH_` escapes decoded.
    func makeString() -> String {
        bytes.withUnsafeBufferPointer { OOXMLText.decode($0) }
    }

    /// The text read as a number; nil when it is not one (or is empty).
    func number() -> Double? {
        bytes.withUnsafeBufferPointer { OOXMLText.number($0) }
    }

    func isTrue() -> Bool {
        bytes.withUnsafeBufferPointer { OOXMLText.isTrue($0) }
    }

    /// A non-negative decimal integer such as a shared-string index; nil otherwise.
    func integer() -> Int? {
        bytes.withUnsafeBufferPointer { OOXMLText.integer($0) }
    }
}

/// Byte-level decoding of the small texts an XLSX part carries.
enum OOXMLText {
    /// UTF-8 bytes to a `String`, turning `_x000D_` into a carriage return and so on.
    ///
    /// OOXML writes characters XML cannot hold as `_xHHHH_`; `_x005F_` escapes an underscore,
    /// so `_x005F_x000D_` stays the literal text `_x000D_`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress,
              memchr(base, Int32(UInt8(ascii: "_")), bytes.count) != nil else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "_"), index + 6 < bytes.count,
               bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_"),
               let scalar = hexScalar(bytes, from: index + 2) {
                output.append(contentsOf: String(Character(scalar)).utf8)
                index += 7
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexScalar(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Unicode.Scalar? {
        var value: UInt32 = 0
        for index in start..<start + 4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return Unicode.Scalar(value)
    }

    /// A decimal number as Excel writes it (`1`, `-2.5`, `1.2E-3`), parsed with strtod.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty, bytes.count < 64 else { return nil }
        // strtod needs a NUL-terminated string; numbers are short, so copy onto the stack.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            guard let base = buffer.baseAddress else { return nil }
            for index in 0..<bytes.count { base[index] = CChar(bitPattern: bytes[index]) }
            base[bytes.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            guard let end, end != base else { return nil }
            // Allow trailing whitespace only.
            var rest = end
            while rest.pointee == 0x20 || rest.pointee == 0x09 || rest.pointee == 0x0A || rest.pointee == 0x0D {
                rest += 1
            }
            return rest.pointee == 0 ? value : nil
        }
    }

    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var value = 0
        var sawDigit = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard value < Int.max / 10 - 10 else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                sawDigit = true
            case 0x20, 0x09, 0x0A, 0x0D:
                continue
            default:
                return nil
            }
        }
        return sawDigit ? value : nil
    }

    /// `1` / `true` as OOXML writes booleans.
    static func isTrue(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == 1 ? bytes[0] == UInt8(ascii: "1") : (bytes.count == 4 && bytes[0] == UInt8(ascii: "t"))
    }
}
