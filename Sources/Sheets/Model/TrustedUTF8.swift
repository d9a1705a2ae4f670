extension String {
    /// A string from UTF-8 that is valid by construction, copied without validating it again.
    ///
    /// Only for bytes this module produced itself (the XLS transcoder) or validated whole (a CSV
    /// file's text after `TextDecoder`, cut at ASCII separators); never for bytes read straight
    /// from a file. Validation was a quarter of the XLS reader's profile on Chinese text.
    /// (The XLSX reader's text, from libxml2, is not worth the trust: it does not show in its profile.)
    init(validUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            self = String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        } else {
            self = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The same from raw bytes.
    init(validUTF8 bytes: UnsafeRawBufferPointer) {
        self.init(validUTF8: bytes.assumingMemoryBound(to: UInt8.self), isASCII: false)
    }
}
