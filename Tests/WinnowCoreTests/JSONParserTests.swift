import Testing
import WinnowCore

/// A JSON text (as raw bytes, which may be invalid UTF-8) and what parsing it must say.
struct JSONCase: Sendable, CustomTestStringConvertible {
    var bytes: [UInt8]
    var expected: String
    var testDescription: String { String(decoding: bytes, as: UTF8.self).debugDescription }

    init(_ text: String, _ expected: String) {
        bytes = Array(text.utf8)
        self.expected = expected
    }

    init(bytes: [UInt8], _ expected: String) {
        self.bytes = bytes
        self.expected = expected
    }
}

@Suite struct JSONParserTests {
    static let goodCases: [(String, JSONValue)] = [
        ("null", .null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .number(0)),
        ("-0", .number(-0.0)),
        ("7", .number(7)),
        ("-123", .number(-123)),
        ("1.5", .number(1.5)),
        ("0.8", .number(0.8)),
        ("0.001", .number(0.001)),
        ("-1.5e3", .number(-1500)),
        ("1E2", .number(100)),
        ("1e+2", .number(100)),
        ("25e-1", .number(2.5)),
        ("12345678901234567890", .number(12_345_678_901_234_567_168)),
        ("1.7976931348623157e308", .number(1.7976931348623157e308)),
        ("5e-324", .number(.leastNonzeroMagnitude)),
        ("1e-400", .number(0)),
        ("0.30000000000000004", .number(0.30000000000000004)),
        ("\"\"", .string("")),
        ("\"abc\"", .string("abc")),
        (#""\"\\\/\b\f\n\r\t""#, .string("\"\\/\u{8}\u{C}\n\r\t")),
        (#""caf\u00e9 \u00E9""#, .string("café é")),
        (#""\uD83D\uDE00!""#, .string("😀!")),
        (#""a\u0000b""#, .string("a\u{0}b")),
        ("\"日本 😀 é\"", .string("日本 😀 é")),
        ("[]", .array([])),
        ("{}", .object([:])),
        ("[1,[2,[3]]]", .array([.number(1), .array([.number(2), .array([.number(3)])])])),
        (" \t\r\n{\"a\" : [ 1 , true ] , \"b\" : {\"c\":null} } \n", .object(["a": .array([.number(1), .bool(true)]), "b": .object(["c": .null])])),
        (#"{"a":1,"a":2}"#, .object(["a": .number(2)])),
        (#"{"k\u0065y":"v"}"#, .object(["key": .string("v")])),
    ]

    @Test(arguments: goodCases)
    func parsesValidJSON(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
        #expect(try JSONParser.parse(Array(text.utf8)) == expected)
    }

    static let badCases: [JSONCase] = [
        JSONCase("", "column 1: unexpected end of input, expected a JSON value"),
        JSONCase("   ", "column 4: unexpected end of input, expected a JSON value"),
        JSONCase(#"{"a":1 "b":2}"#, "column 8: expected ',' or '}' after object member"),
        JSONCase(#"{"a":1"#, "column 7: unexpected end of input, expected ',' or '}' after object member"),
        JSONCase(#"{"a":1,}"#, "column 8: expected a string key"),
        JSONCase("{a:1}", "column 2: expected a string key"),
        JSONCase(#"{"a" 1}"#, "column 6: expected ':' after object key"),
        JSONCase("[1,2", "column 5: unexpected end of input, expected ',' or ']' after array element"),
        JSONCase("[1,]", "column 4: unexpected ']', expected a JSON value"),
        JSONCase("[1 2]", "column 4: expected ',' or ']' after array element"),
        JSONCase("NaN", "column 1: unexpected 'N', expected a JSON value"),
        JSONCase("nan", "column 1: invalid literal, expected 'null'"),
        JSONCase("Infinity", "column 1: unexpected 'I', expected a JSON value"),
        JSONCase("-Infinity", "column 2: expected a digit after '-'"),
        JSONCase("-", "column 2: unexpected end of input, expected a digit after '-'"),
        JSONCase("+1", "column 1: unexpected '+', expected a JSON value"),
        JSONCase(".5", "column 1: unexpected '.', expected a JSON value"),
        JSONCase("01", "column 1: leading zeros are not allowed in numbers"),
        JSONCase("[-012]", "column 2: leading zeros are not allowed in numbers"),
        JSONCase("1.", "column 3: expected a digit after the decimal point"),
        JSONCase("1.e5", "column 3: expected a digit after the decimal point"),
        JSONCase("1e", "column 3: expected a digit in the exponent"),
        JSONCase("1e+", "column 4: expected a digit in the exponent"),
        JSONCase("0x10", "column 2: unexpected 'x' after the JSON value"),
        JSONCase("1e400", "column 1: number 1e400 is out of range"),
        JSONCase("[-1e99999]", "column 2: number -1e99999 is out of range"),
        JSONCase("\"abc", "column 1: unterminated string"),
        JSONCase(#"["a\"#, "column 2: unterminated string"),
        JSONCase("\"a\u{1}b\"", "column 3: control character U+0001 must be escaped in a string"),
        JSONCase("\"a\tb\"", "column 3: control character U+0009 must be escaped in a string"),
        JSONCase("\"a\nb\"", "column 3: control character U+000A must be escaped in a string"),
        JSONCase(#""\x""#, #"column 2: invalid escape '\x'"#),
        JSONCase(#""\u12G4""#, #"column 2: invalid \u escape, expected four hex digits"#),
        JSONCase(#""\u12""#, #"column 2: invalid \u escape, expected four hex digits"#),
        JSONCase(#""ab\uD800""#, #"column 4: lone surrogate \uD800 (a high surrogate must be followed by a low one)"#),
        JSONCase(#""\uD800\u0041""#, #"column 2: lone surrogate \uD800 (a high surrogate must be followed by a low one)"#),
        JSONCase(#""\uDC00""#, #"column 2: lone surrogate \uDC00 (a low surrogate without a high one)"#),
        JSONCase(bytes: [0x22, 0xFF, 0x22], "column 2: invalid UTF-8: unexpected byte 0xFF"),
        JSONCase(bytes: [0x22, 0x61, 0x80, 0x22], "column 3: invalid UTF-8: unexpected byte 0x80"),
        JSONCase(bytes: [0x22, 0xC0, 0xAF, 0x22], "column 2: invalid UTF-8: unexpected byte 0xC0"),
        JSONCase(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], "column 3: invalid UTF-8: byte 0xA0 cannot follow byte 0xED"),
        JSONCase(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "column 3: invalid UTF-8: byte 0x90 cannot follow byte 0xF4"),
        JSONCase(bytes: [0x22, 0xE6, 0x97, 0x22], "column 4: invalid UTF-8: '\"' is not a continuation byte"),
        JSONCase(bytes: [0x22, 0xE6, 0x97], "column 2: invalid UTF-8: truncated sequence starting with byte 0xE6"),
        JSONCase(bytes: [0x5B, 0xFF, 0x5D], "column 2: unexpected byte 0xFF, expected a JSON value"),
        JSONCase(bytes: [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], "column 1: unexpected byte 0xEF, expected a JSON value"),
        JSONCase("{} x", "column 4: unexpected 'x' after the JSON value"),
        JSONCase("[1]]", "column 4: unexpected ']' after the JSON value"),
        JSONCase(#"{"a":1}{}"#, "column 8: unexpected '{' after the JSON value"),
        JSONCase("tru", "column 1: invalid literal, expected 'true'"),
        JSONCase("True", "column 1: unexpected 'T', expected a JSON value"),
        JSONCase("'a'", "column 1: unexpected ''', expected a JSON value"),
        JSONCase(String(repeating: "[", count: 513) + String(repeating: "]", count: 513), "column 513: nesting deeper than 512 levels"),
        JSONCase(String(repeating: "{\"a\":", count: 600), "column 2561: nesting deeper than 512 levels"),
    ]

    @Test(arguments: badCases)
    func rejectsInvalidJSONNamingTheColumn(_ badCase: JSONCase) {
        let error = #expect(throws: CodecError.self) { try JSONParser.parse(badCase.bytes) }
        #expect(error?.message == badCase.expected)
        #expect(error?.line == nil && error?.field == nil)
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        var value = try JSONParser.parse(text)
        var depth = 0
        while case .array(let elements) = value {
            depth += 1
            value = elements.first ?? .null
        }
        #expect(depth == 512)
        #expect(throws: CodecError.self) { try JSONParser.parse("[[1]]", maximumDepth: 1) }
        #expect(try JSONParser.parse("[1]", maximumDepth: 1) == .array([.number(1)]))
    }

    @Test func acceptsAnyByteCollection() throws {
        let text = #"{"a":[1,"é"]}"#
        let expected = JSONValue.object(["a": .array([.number(1), .string("é")])])
        let bytes = Array(("xx" + text).utf8)
        #expect(try JSONParser.parse(bytes[2...]) == expected)
        #expect(try JSONParser.parse(text.utf8.lazy.map { $0 }) == expected)
        let fromBuffer = try bytes.withUnsafeBufferPointer { buffer throws(CodecError) in
            try JSONParser.parse(UnsafeBufferPointer(rebasing: buffer[2...]))
        }
        #expect(fromBuffer == expected)
    }

    @Test func readsNumbersExactlyLikeTheStandardLibrary() throws {
        var generator = SeededGenerator(seed: 8259)
        let digits = Array("0123456789")
        for _ in 0..<5000 {
            var text = Bool.random(using: &generator) ? "-" : ""
            let integerDigits = Int.random(in: 1...22, using: &generator)
            text.append(digits[Int.random(in: 1...9, using: &generator)])
            for _ in 1..<integerDigits { text.append(digits.randomElement(using: &generator) ?? "0") }
            if Bool.random(using: &generator) {
                text += "."
                for _ in 0..<Int.random(in: 1...22, using: &generator) { text.append(digits.randomElement(using: &generator) ?? "0") }
            }
            if Bool.random(using: &generator) { text += "e\(Int.random(in: -330...300, using: &generator))" }
            let expected = try #require(Double(text))
            if expected.isFinite {
                #expect(try JSONParser.parse(text) == .number(expected), "\(text)")
            }
        }
        for _ in 0..<5000 {
            var value: Double
            repeat { value = Double(bitPattern: generator.next()) } while !value.isFinite
            #expect(try JSONParser.parse(value.description) == .number(value))
        }
    }

    @Test func neverCrashesOnMangledInput() {
        var generator = SeededGenerator(seed: 42)
        let seeds = [#"{"a":[1,2.5e-3,"x\u00e9\n",true,null,{"b":{}}]}"#, #"["\uD83D\uDE00",-0,1E+2]"#]
        for _ in 0..<20_000 {
            var bytes = Array((seeds.randomElement(using: &generator) ?? "").utf8)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                }
                if bytes.isEmpty { bytes = [0x20] }
            }
            if let value = try? JSONParser.parse(bytes) {
                // Whatever parses must serialise to JSON that parses back to the same value.
                #expect((try? JSONParser.parse(JSONWriter.serialize(value))) == value)
            }
        }
    }
}
