/// String scanning: escapes, surrogate pairs and UTF-8 validation in one pass over the bytes.
extension JSONScanner {
    /// Reads the string whose opening quote is at the cursor and leaves the cursor after its closing quote.
    ///
    /// Returns the raw byte range of the content when it holds no escapes — the common case, which
    /// copies nothing. Otherwise returns `nil` and leaves the decoded UTF-8 in ``scratch``.
    /// Either way the content has been checked: valid UTF-8, no raw control characters, valid escapes.
    @inline(__always)
    mutating func scanString() throws(CodecError) -> Range<Int>? {
        let start = position + 1
        let count = bytes.count
        var index = start
        // Fast path: printable ASCII up to the closing quote.
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return start..<index
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            index += 1
        }
        return try scanStringSlowly(start: start, resumingAt: index)
    }

    /// Reads a string at the cursor into a `String`.
    mutating func parseString() throws(CodecError) -> String {
        // Two statements on purpose: `makeString(try scanString())` would read `scratch` before the scan fills it.
        let range = try scanString()
        return makeString(range)
    }

    /// The string ``scanString()`` found: from the raw bytes, or from ``scratch`` when it was `nil`.
    func makeString(_ range: Range<Int>?) -> String {
        if let range {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// The general string loop: multi-byte UTF-8, escapes, errors.
    private mutating func scanStringSlowly(start: Int, resumingAt resume: Int) throws(CodecError) -> Range<Int>? {
        let count = bytes.count
        var index = resume
        var runStart = start
        var escaped = false
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                guard escaped else { return start..<index }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                return nil
            } else if byte == UInt8(ascii: "\\") {
                if !escaped {
                    scratch.removeAll(keepingCapacity: true)
                    escaped = true
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index = try decodeEscape(at: index, stringStart: start)
                runStart = index
            } else if byte < 0x20 {
                throw syntaxError("control character \(Self.unicodeName(UInt32(byte))) must be escaped in a string", at: index)
            } else if byte < 0x80 {
                index += 1
            } else {
                index += try validateUTF8Sequence(at: index)
            }
        }
        throw syntaxError("unterminated string", at: start - 1)
    }

    /// Decodes the escape whose backslash is at `index` into ``scratch`` and returns the offset after it.
    private mutating func decodeEscape(at index: Int, stringStart: Int) throws(CodecError) -> Int {
        guard index + 1 < bytes.count else { throw syntaxError("unterminated string", at: stringStart - 1) }
        let simple: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            return try decodeUnicodeEscape(at: index)
        case let other:
            let shown = other > 0x20 && other < 0x7F ? "'\\\(Character(Unicode.Scalar(other)))'" : "'\\' followed by \(Self.describe(other))"
            throw syntaxError("invalid escape \(shown)", at: index)
        }
        scratch.append(simple)
        return index + 2
    }

    /// Decodes `\uXXXX`, or a `\uD8xx\uDCxx` surrogate pair, at `index` into ``scratch`` as UTF-8.
    private mutating func decodeUnicodeEscape(at index: Int) throws(CodecError) -> Int {
        guard let unit = hexQuad(at: index + 2) else {
            throw syntaxError("invalid \\u escape, expected four hex digits", at: index)
        }
        var scalar = unit
        var next = index + 6
        switch unit {
        case 0xD800...0xDBFF:
            guard next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u"),
                  let low = hexQuad(at: next + 2), (0xDC00...0xDFFF).contains(low)
            else {
                throw syntaxError("lone surrogate \\u\(Self.hex4(unit)) (a high surrogate must be followed by a low one)", at: index)
            }
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            next += 6
        case 0xDC00...0xDFFF:
            throw syntaxError("lone surrogate \\u\(Self.hex4(unit)) (a low surrogate without a high one)", at: index)
        default:
            break
        }
        appendUTF8(scalar)
        return next
    }

    /// The value of four hex digits at `index`, or `nil`.
    private func hexQuad(at index: Int) -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Appends a Unicode scalar value (not a surrogate) to ``scratch`` as UTF-8.
    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Checks the multi-byte UTF-8 sequence starting at `index` (lead byte ≥ 0x80) and returns its length.
    ///
    /// Follows Unicode's table of well-formed sequences: no overlong forms, no surrogates, nothing above U+10FFFF.
    private func validateUTF8Sequence(at index: Int) throws(CodecError) -> Int {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default:
            throw syntaxError("invalid UTF-8: unexpected \(Self.describe(lead))", at: index)
        }
        guard index + length <= bytes.count else {
            throw syntaxError("invalid UTF-8: truncated sequence starting with \(Self.describe(lead))", at: index)
        }
        guard secondRange.contains(bytes[index + 1]) else {
            throw syntaxError("invalid UTF-8: \(Self.describe(bytes[index + 1])) cannot follow \(Self.describe(lead))", at: index + 1)
        }
        var offset = 2
        while offset < length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else {
                throw syntaxError("invalid UTF-8: \(Self.describe(byte)) is not a continuation byte", at: index + offset)
            }
            offset += 1
        }
        return length
    }

    /// `U+000A`.
    static func unicodeName(_ value: UInt32) -> String {
        "U+" + hex4(value)
    }

    /// Four uppercase hex digits.
    static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
