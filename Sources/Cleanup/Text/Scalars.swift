import Schemas

/// The parsers work on arrays of Unicode scalars, not `Character`s: Chinese list text has no
/// multi-scalar graphemes that matter here, and comparing scalars is an integer compare while
/// comparing Characters goes through grapheme breaking and normalization — ten times slower
/// on 200,000 items.
typealias Scalar = Unicode.Scalar

extension String {
    /// Whether `scalar` is one of this (short) string's scalars: for sets of marks like `"；。、"`.
    func has(_ scalar: Scalar) -> Bool { unicodeScalars.contains(scalar) }

    /// Through UTF-8 bytes: appending scalars to a `UnicodeScalarView` one by one is slow.
    init<S: Sequence<Scalar>>(scalars: S) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension Unicode.Scalar {
    var isSpace: Bool { HeaderText.isWhitespace(self) }
    var isNewline: Bool { self == "\n" || self == "\r" || value == 0x85 || value == 0x2028 || value == 0x2029 }
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
}
