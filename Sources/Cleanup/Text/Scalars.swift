import Schemas

/// The parsers work on arrays of Unicode scalars, not `Character`s: Chinese list text has no
/// multi-scalar graphemes that matter here, and comparing scalars is an integer compare while
/// comparing Characters goes through grapheme breaking and normalization — ten times slower
/// on 200,000 items.
typealias Scalar = Unicode.Scalar

extension String {
    /// Whether `scalar` is one of this (short) string's scalars: for sets of marks like `"；。、"`
    /// off the hot paths (those take a `ScalarSet`).
    func has(_ scalar: Scalar) -> Bool { unicodeScalars.contains(scalar) }

    /// Through UTF-8 bytes: appending scalars to a `UnicodeScalarView` one by one is slow. The
    /// bytes are encoded here, so they are not validated again.
    init<S: Sequence<Scalar>>(scalars: S) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        self = bytes.withUnsafeBufferPointer { String(copying: unsafe UTF8Span(unchecked: $0.span, isKnownASCII: false)) }
    }

    /// The text's scalars, decoded in one pass from its UTF-8 (valid: it is a `String`'s):
    /// `Array(unicodeScalars)` counts them in a pass of its own first, and both were a tenth
    /// of cleaning a basis.
    var scalarArray: [Scalar] {
        let decoded = utf8.withContiguousStorageIfAvailable { bytes in
            [Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, initialized in
                var (index, count) = (0, 0)
                while index < bytes.count {
                    let lead = UInt32(bytes[index])
                    var value = lead
                    var length = 1
                    if lead >= 0xF0 {
                        (value, length) = (lead & 0x07, 4)
                    } else if lead >= 0xE0 {
                        (value, length) = (lead & 0x0F, 3)
                    } else if lead >= 0x80 {
                        (value, length) = (lead & 0x1F, 2)
                    }
                    for next in index + 1 ..< index + length { value = value << 6 | UInt32(bytes[next] & 0x3F) }
                    scalars[count] = Scalar(value).unsafelyUnwrapped
                    (index, count) = (index + length, count + 1)
                }
                initialized = count
            }
        }
        return decoded ?? Array(unicodeScalars)
    }
}

/// A few scalars to test membership in, for the parsers' inner loops: `"；。、".has(c)` decodes
/// its string at every call.
struct ScalarSet: Sendable {
    private let values: [UInt32]

    init(_ scalars: String) {
        values = scalars.unicodeScalars.map(\.value)
    }

    func contains(_ scalar: Scalar) -> Bool { values.contains(scalar.value) }
}

extension Unicode.Scalar {
    var isSpace: Bool { HeaderText.isWhitespace(self) }
    var isNewline: Bool { self == "\n" || self == "\r" || value == 0x85 || value == 0x2028 || value == 0x2029 }
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
}
