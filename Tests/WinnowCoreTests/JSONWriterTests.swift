import Testing
import WinnowCore

@Suite struct JSONWriterTests {
    @Test func writesCompactlyWithSortedKeys() {
        let value = JSONValue.object([
            "b": .number(1),
            "a": .array([.bool(true), .null, .string("x"), .bool(false)]),
            "c": .object(["z": .object([:]), "y": .array([])]),
        ])
        #expect(JSONWriter.serialize(value) == #"{"a":[true,null,"x",false],"b":1,"c":{"y":[],"z":{}}}"#)
    }

    static let numbers: [(Double, String)] = [
        (0, "0"),
        (-0.0, "0"),
        (3, "3"),
        (-3, "-3"),
        (123_456_789, "123456789"),
        (9_007_199_254_740_992, "9007199254740992"),
        (-9_007_199_254_740_992, "-9007199254740992"),
        (9_007_199_254_740_994, "9.007199254740994e+15"),
        (3.5, "3.5"),
        (0.1, "0.1"),
        (0.8, "0.8"),
        (1e-7, "1e-07"),
        (.leastNonzeroMagnitude, "5e-324"),
        (1e20, "1e+20"),
        (1.5e300, "1.5e+300"),
        (-2.5e-10, "-2.5e-10"),
        (.infinity, "null"),
        (-.infinity, "null"),
        (.nan, "null"),
    ]

    @Test(arguments: numbers)
    func writesNumbers(value: Double, expected: String) {
        #expect(JSONWriter.serialize(.number(value)) == expected)
    }

    @Test func everyFiniteNumberReadsBackExactly() throws {
        var generator = SeededGenerator(seed: 53)
        for _ in 0..<20_000 {
            let value = RandomJSON.number(using: &generator)
            let text = JSONWriter.serialize(.number(value))
            #expect(try JSONParser.parse(text) == .number(value), "\(value) written as \(text)")
        }
    }

    static let strings: [(String, String)] = [
        ("", #""""#),
        ("plain", #""plain""#),
        ("a\"b\\c/d", #""a\"b\\c/d""#),
        ("\n\t\r\u{8}\u{C}", #""\u000a\u0009\u000d\u0008\u000c""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{7F} é 日本 😀 \u{2028}", "\"\u{7F} é 日本 😀 \u{2028}\""),
        ("s3://bucket/a b.jpg", #""s3://bucket/a b.jpg""#),
    ]

    @Test(arguments: strings)
    func escapesStrings(text: String, expected: String) throws {
        #expect(JSONWriter.serialize(.string(text)) == expected)
        #expect(try JSONParser.parse(expected) == .string(text))
    }

    @Test func escapesObjectKeys() {
        #expect(JSONWriter.serialize(.object(["a\"\n": .null])) == #"{"a\"\u000a":null}"#)
    }

    @Test func writesIntoAnExistingBuffer() {
        var output = Array("x=".utf8)
        JSONWriter.write(.array([.number(1), .string("é")]), into: &output)
        #expect(String(decoding: output, as: UTF8.self) == #"x=[1,"é"]"#)
    }

    @Test func randomValuesRoundTrip() throws {
        var generator = SeededGenerator(seed: 2024)
        for _ in 0..<3000 {
            let value = RandomJSON.value(using: &generator, depth: 4)
            let text = JSONWriter.serialize(value)
            #expect(try JSONParser.parse(text) == value, "\(text)")
            // Serialising is deterministic: the same value always gives the same text.
            #expect(JSONWriter.serialize(try JSONParser.parse(text)) == text)
        }
    }
}
