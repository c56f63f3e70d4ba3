/// A strict RFC 8259 JSON parser over bytes, producing ``JSONValue``.
///
/// - Input must be UTF-8 (a byte order mark is *not* accepted here; ``ManifestLineSplitter`` strips it).
///   Invalid UTF-8 inside strings is rejected, as are raw control characters (U+0000–U+001F).
/// - All escapes are decoded, including `\uD83D\uDE00` surrogate pairs; a lone surrogate is an error.
/// - Numbers follow the JSON grammar exactly: no `NaN`, `Infinity`, `+1`, `.5`, `1.`, `01`. Values too
///   large for a `Double` are rejected; tiny ones round to zero.
/// - Duplicate object keys are accepted and **the last one wins**, as in most JSON libraries
///   (RFC 8259 §4 leaves the behaviour open).
/// - Arrays and objects may nest at most `maximumDepth` levels deep (512 by default).
/// - Anything but whitespace after the value is an error.
///
/// Errors are ``CodecError``s without `line` or `field`; the message starts with the 1-based byte
/// column, e.g. `column 57: expected ',' or '}' after object member`.
public enum JSONParser {
    /// The nesting limit used unless a caller passes another: 512 levels of arrays and objects.
    public static let defaultMaximumDepth = 512

    /// Parses one JSON text.
    /// - Parameters:
    ///   - bytes: the UTF-8 text.
    ///   - maximumDepth: how deeply arrays and objects may nest.
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>,
        maximumDepth: Int = defaultMaximumDepth
    ) throws(CodecError) -> JSONValue {
        var scanner = JSONScanner(bytes, maximumDepth: maximumDepth)
        scanner.skipWhitespace()
        let value = try scanner.parseValue(depth: 0)
        try scanner.expectEnd()
        return value
    }

    /// Parses one JSON text from any collection of bytes (`[UInt8]`, `ArraySlice<UInt8>`, `Data`, …).
    public static func parse(
        _ bytes: some Collection<UInt8>,
        maximumDepth: Int = defaultMaximumDepth
    ) throws(CodecError) -> JSONValue {
        try withContiguousBytes(bytes) { buffer in
            Result { () throws(CodecError) in try parse(buffer, maximumDepth: maximumDepth) }
        }.get()
    }

    /// Parses one JSON text given as a string.
    public static func parse(_ text: String, maximumDepth: Int = defaultMaximumDepth) throws(CodecError) -> JSONValue {
        try parse(text.utf8, maximumDepth: maximumDepth)
    }
}

/// Calls `body` with the bytes as one contiguous buffer, copying them only when the collection is
/// not contiguous already.
func withContiguousBytes<Bytes: Collection<UInt8>, Output>(
    _ bytes: Bytes,
    _ body: (UnsafeBufferPointer<UInt8>) -> Output
) -> Output {
    if let result = bytes.withContiguousStorageIfAvailable(body) {
        return result
    }
    return Array(bytes).withUnsafeBufferPointer(body)
}
