/// Byte-level reading for ``XMLTreeParser``: the position, line counting, UTF-8 decoding, the XML
/// character and name classes, and references.
///
/// It holds an `UnsafeBufferPointer`, so it must not outlive the buffer it reads.
struct XMLScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String?
    /// The offset of the next byte to read.
    var pos = 0
    /// The 1-based line of the byte at ``pos``.
    var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>, file: String?) {
        self.bytes = bytes
        self.file = file
    }

    // MARK: Position

    /// The byte `offset` bytes ahead, or `nil` past the end.
    @inline(__always)
    func byte(at offset: Int = 0) -> UInt8? {
        let index = pos &+ offset
        return index < bytes.count ? bytes[index] : nil
    }

    /// Whether the bytes at ``pos`` are `literal`.
    func hasPrefix(_ literal: [UInt8]) -> Bool {
        guard bytes.count - pos >= literal.count else { return false }
        for index in literal.indices where bytes[pos + index] != literal[index] {
            return false
        }
        return true
    }

    /// Moves past one ASCII byte, counting line breaks (`\n`, `\r\n` and a lone `\r` each end a line).
    @inline(__always)
    mutating func consumeASCII() {
        let byte = bytes[pos]
        pos += 1
        if byte == 0x0A {
            line += 1
        } else if byte == 0x0D, self.byte() != 0x0A {
            line += 1
        }
    }

    /// Skips XML whitespace (space, tab, CR, LF); returns whether there was any.
    mutating func skipWhitespace() -> Bool {
        let start = pos
        while pos < bytes.count, Self.isWhitespace(bytes[pos]) {
            consumeASCII()
        }
        return pos > start
    }

    /// The text of `range` (already validated as UTF-8).
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Whether two ranges hold the same bytes.
    func bytesEqual(_ lhs: Range<Int>, _ rhs: Range<Int>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var left = lhs.lowerBound
        var right = rhs.lowerBound
        while left < lhs.upperBound {
            if bytes[left] != bytes[right] { return false }
            left += 1
            right += 1
        }
        return true
    }

    // MARK: Errors

    /// An error at the current line, or at `line`.
    func error(_ message: String, line: Int? = nil) -> CodecError {
        CodecError(file: file, line: line ?? self.line, message: message)
    }

    /// The byte at ``pos`` in words, for error messages: `'x'`, `byte 0x89` or `the end of the document`.
    func describeCurrent() -> String {
        guard let byte = byte() else { return "the end of the document" }
        if byte > 0x20, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        switch byte {
        case 0x20: return "a space"
        case 0x09: return "a tab"
        case 0x0A, 0x0D: return "a line break"
        default: return "byte 0x" + Self.hex(UInt32(byte), width: 2)
        }
    }

    /// `value` in upper-case hexadecimal, padded with zeros to `width` digits.
    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // MARK: Characters

    /// Reads one character at ``pos`` (ASCII or a UTF-8 sequence), checks that XML allows it,
    /// and moves past it.
    @discardableResult
    mutating func readChar() throws(CodecError) -> UInt32 {
        let first = bytes[pos]
        if first < 0x80 {
            if first < 0x20, first != 0x09, first != 0x0A, first != 0x0D {
                throw error("control character U+\(Self.hex(UInt32(first), width: 4)) is not allowed in XML")
            }
            consumeASCII()
            return UInt32(first)
        }
        let scalar = try decodeMultibyte()
        guard Self.isXMLChar(scalar) else {
            throw error("character U+\(Self.hex(scalar, width: 4)) is not allowed in XML")
        }
        return scalar
    }

    /// Decodes the multi-byte UTF-8 sequence at ``pos`` and moves past it; rejects invalid, overlong
    /// and surrogate encodings.
    mutating func decodeMultibyte() throws(CodecError) -> UInt32 {
        let first = bytes[pos]
        let length: Int
        var scalar: UInt32
        let minimum: UInt32
        switch first {
        case 0xC2...0xDF: (length, scalar, minimum) = (2, UInt32(first & 0x1F), 0x80)
        case 0xE0...0xEF: (length, scalar, minimum) = (3, UInt32(first & 0x0F), 0x800)
        case 0xF0...0xF4: (length, scalar, minimum) = (4, UInt32(first & 0x07), 0x10000)
        default: throw invalidUTF8(first)
        }
        guard bytes.count - pos >= length else {
            throw error("invalid UTF-8: the document ends inside a multi-byte character")
        }
        for offset in 1..<length {
            let next = bytes[pos + offset]
            guard next & 0xC0 == 0x80 else { throw invalidUTF8(first) }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
            throw invalidUTF8(first)
        }
        pos += length
        return scalar
    }

    private func invalidUTF8(_ byte: UInt8) -> CodecError {
        error("invalid UTF-8: byte 0x\(Self.hex(UInt32(byte), width: 2)) does not start a valid character "
            + "(Winnow reads UTF-8 XML only)")
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// XML 1.0 `Char`.
    static func isXMLChar(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// XML 1.0 (fifth edition) `NameStartChar`.
    static func isNameStart(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x3A: true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
            0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
            0x10000...0xEFFFF:
            true
        default: false
        }
    }

    /// XML 1.0 (fifth edition) `NameChar`.
    static func isNameChar(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: isNameStart(scalar)
        }
    }

    /// Whether a name starts at ``pos``.
    func atNameStart() -> Bool {
        guard let first = byte() else { return false }
        if first < 0x80 { return Self.isNameStart(UInt32(first)) }
        var probe = self
        guard let scalar = try? probe.decodeMultibyte() else { return false }
        return Self.isNameStart(scalar)
    }

    /// Reads an XML name and returns its byte range; `what` names it in the error.
    mutating func readName(what: String) throws(CodecError) -> Range<Int> {
        let start = pos
        while pos < bytes.count {
            let byte = bytes[pos]
            let isFirst = pos == start
            if byte < 0x80 {
                let scalar = UInt32(byte)
                guard isFirst ? Self.isNameStart(scalar) : Self.isNameChar(scalar) else { break }
                pos += 1
                continue
            }
            let save = pos
            let scalar = try decodeMultibyte()
            guard isFirst ? Self.isNameStart(scalar) : Self.isNameChar(scalar) else {
                pos = save
                break
            }
        }
        guard pos > start else { throw error("expected \(what), found \(describeCurrent())") }
        return start..<pos
    }

    // MARK: References

    /// Reads the reference at ``pos`` (`&lt;`, `&#60;`, `&#x3C;`, …) and returns the character it
    /// stands for. Only the five predefined entities exist: nothing else is ever expanded.
    mutating func readReference() throws(CodecError) -> UInt32 {
        pos += 1  // &
        if byte() == UInt8(ascii: "#") {
            pos += 1
            let radix: UInt32 = byte() == UInt8(ascii: "x") ? 16 : 10
            if radix == 16 { pos += 1 }
            let digitsStart = pos
            var value: UInt32 = 0
            while let byte = byte(), byte != UInt8(ascii: ";") {
                guard let digit = Self.digit(byte, radix: radix) else {
                    throw error("invalid character reference: expected a \(radix == 16 ? "hexadecimal " : "")digit "
                        + "or ';', found \(describeCurrent())")
                }
                value = min(value * radix + digit, 0x110000)
                pos += 1
            }
            guard byte() != nil else { throw error("unterminated character reference at the end of the document") }
            guard pos > digitsStart else { throw error("empty character reference '&#;'") }
            pos += 1
            guard Self.isXMLChar(value) else {
                let shown = value > 0x10FFFF ? "a value beyond U+10FFFF" : "U+" + Self.hex(value, width: 4)
                throw error("character reference to \(shown), which XML does not allow")
            }
            return value
        }
        let nameStart = pos
        while let byte = byte(), byte != UInt8(ascii: ";"), !Self.isWhitespace(byte), byte != UInt8(ascii: "<"),
            byte != UInt8(ascii: "&"), pos - nameStart < 64
        {
            pos += 1
        }
        guard pos > nameStart, byte() == UInt8(ascii: ";") else {
            throw error("'&' must start a reference such as &amp; (write a literal '&' as &amp;)")
        }
        let name = string(nameStart..<pos)
        pos += 1
        switch name {
        case "lt": return 0x3C
        case "gt": return 0x3E
        case "amp": return 0x26
        case "apos": return 0x27
        case "quot": return 0x22
        default:
            throw error("undefined entity '&\(name);': only &lt; &gt; &amp; &apos; &quot; and character "
                + "references are allowed (Winnow expands no other entities)")
        }
    }

    private static func digit(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Appends `scalar` encoded as UTF-8.
    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
