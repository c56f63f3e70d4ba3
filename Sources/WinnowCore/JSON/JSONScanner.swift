/// A cursor over the bytes of one JSON text: the machinery shared by ``JSONParser`` and
/// ``ManifestCodec``.
///
/// The scanner reads RFC 8259 JSON strictly. It never reads outside `bytes`; every syntax error is a
/// ``CodecError`` whose message starts with the 1-based byte column (`column 57: …`).
/// Strings, numbers and literals live in `JSONScanner+Strings.swift` and `JSONScanner+Numbers.swift`.
struct JSONScanner {
    /// The whole JSON text.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next unread byte.
    var position = 0
    /// The deepest nesting of arrays and objects accepted.
    let maximumDepth: Int
    /// Where strings with escapes are decoded; reused from string to string.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    // MARK: Cursor

    /// The byte at ``position``, or `nil` at the end of input.
    @inline(__always)
    var current: UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    /// Skips JSON whitespace: space, tab, line feed and carriage return.
    @inline(__always)
    mutating func skipWhitespace() {
        let count = bytes.count
        while position < count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` if it is next, without skipping whitespace.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        if position < bytes.count && bytes[position] == byte {
            position += 1
            return true
        }
        return false
    }

    /// Checks that only whitespace follows the value just read.
    mutating func expectEnd() throws(CodecError) {
        skipWhitespace()
        if let byte = current {
            throw syntaxError("unexpected \(Self.describe(byte)) after the JSON value")
        }
    }

    // MARK: Errors

    /// A syntax error at `offset` (default: the current position), its message prefixed by the column.
    func syntaxError(_ message: String, at offset: Int? = nil) -> CodecError {
        CodecError(message: "column \((offset ?? position) + 1): \(message)")
    }

    /// A syntax error for a missing token: says `unexpected end of input` when the input ran out.
    func expected(_ what: String) -> CodecError {
        if position >= bytes.count {
            return syntaxError("unexpected end of input, expected \(what)")
        }
        return syntaxError("expected \(what)")
    }

    /// A byte as a message shows it: `'x'` for printable ASCII, `byte 0xC3` otherwise.
    static func describe(_ byte: UInt8) -> String {
        if byte > 0x20 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count < 2 ? "0" + hex : hex)
    }

    // MARK: Containers

    /// Checks the nesting limit before entering a container at `depth` (the top-level value has depth 0).
    @inline(__always)
    func checkDepth(_ depth: Int) throws(CodecError) {
        if depth > maximumDepth {
            throw syntaxError("nesting deeper than \(maximumDepth) levels")
        }
    }

    /// Having consumed `{` or `,` inside an object, reads the next member's key and the `:` after it,
    /// leaving the cursor on the value.
    ///
    /// Returns the key's raw byte range when it has no escapes; otherwise `nil`, with the decoded key
    /// in ``scratch``.
    mutating func scanMemberKey() throws(CodecError) -> Range<Int>? {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { throw expected("a string key") }
        let key = try scanString()
        skipWhitespace()
        guard consume(UInt8(ascii: ":")) else { throw expected("':' after object key") }
        skipWhitespace()
        return key
    }

    /// Having read an object member, consumes `,` (returning `true`: another member follows) or `}`
    /// (returning `false`).
    mutating func scanObjectContinuation() throws(CodecError) -> Bool {
        skipWhitespace()
        if consume(UInt8(ascii: ",")) { return true }
        if consume(UInt8(ascii: "}")) { return false }
        throw expected("',' or '}' after object member")
    }

    /// Having read an array element, consumes `,` (returning `true`: another element follows) or `]`
    /// (returning `false`).
    mutating func scanArrayContinuation() throws(CodecError) -> Bool {
        skipWhitespace()
        if consume(UInt8(ascii: ",")) {
            skipWhitespace()
            return true
        }
        if consume(UInt8(ascii: "]")) { return false }
        throw expected("',' or ']' after array element")
    }

    /// Having consumed `{`, consumes the `}` of an empty object if it is next.
    mutating func scanEmptyObjectEnd() -> Bool {
        skipWhitespace()
        return consume(UInt8(ascii: "}"))
    }

    /// Having consumed `[`, consumes the `]` of an empty array if it is next.
    mutating func scanEmptyArrayEnd() -> Bool {
        skipWhitespace()
        return consume(UInt8(ascii: "]"))
    }

    // MARK: Values

    /// Reads any JSON value at the cursor (no leading whitespace) nested at `depth`.
    mutating func parseValue(depth: Int) throws(CodecError) -> JSONValue {
        guard let byte = current else { throw expected("a JSON value") }
        switch byte {
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "{"):
            return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["):
            return try parseArray(depth: depth + 1)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            return .null
        default:
            throw syntaxError("unexpected \(Self.describe(byte)), expected a JSON value")
        }
    }

    /// Reads an object whose `{` is at the cursor. Duplicate keys: the last one wins.
    mutating func parseObject(depth: Int) throws(CodecError) -> JSONValue {
        try checkDepth(depth)
        position += 1
        var members: [String: JSONValue] = [:]
        if scanEmptyObjectEnd() { return .object(members) }
        repeat {
            let keyRange = try scanMemberKey()
            let key = makeString(keyRange)
            members[key] = try parseValue(depth: depth)
        } while try scanObjectContinuation()
        return .object(members)
    }

    /// Reads an array whose `[` is at the cursor.
    mutating func parseArray(depth: Int) throws(CodecError) -> JSONValue {
        try checkDepth(depth)
        position += 1
        var elements: [JSONValue] = []
        if scanEmptyArrayEnd() { return .array(elements) }
        repeat {
            elements.append(try parseValue(depth: depth))
        } while try scanArrayContinuation()
        return .array(elements)
    }

    /// Reads `true`, `false` or `null` (given as `literal`) at the cursor.
    mutating func parseLiteral(_ literal: StaticString) throws(CodecError) {
        let count = literal.utf8CodeUnitCount
        let text = literal.utf8Start
        var index = 0
        while index < count {
            guard position + index < bytes.count, bytes[position + index] == text[index] else {
                throw syntaxError("invalid literal, expected '\(literal)'")
            }
            index += 1
        }
        position += count
    }
}
