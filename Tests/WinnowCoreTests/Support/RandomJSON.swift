import WinnowCore

/// Random values for round-trip tests, drawn from a ``SeededGenerator``.
enum RandomJSON {
    /// Text mixing ASCII, characters that need escaping, control characters and non-ASCII scalars.
    static func string(using generator: inout SeededGenerator, maximumLength: Int = 12) -> String {
        let pieces: [String] = [
            "a", "Z", "0", " ", "/", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "日", "本",
            "😀", "\u{2028}", "s3://bucket/x.jpg", "-", "_", "{", "}", "[", "]", ":", ",",
        ]
        let length = Int.random(in: 0...maximumLength, using: &generator)
        var text = ""
        for _ in 0..<length { text += pieces.randomElement(using: &generator) ?? "" }
        return text
    }

    /// A finite double of varied shape: small integers, large integers, fractions, extremes.
    static func number(using generator: inout SeededGenerator) -> Double {
        switch Int.random(in: 0..<7, using: &generator) {
        case 0: return Double(Int.random(in: -1000...1000, using: &generator))
        case 1: return Double(Int64.random(in: -(1 << 60)...(1 << 60), using: &generator))
        case 2: return Double.random(in: 0...1, using: &generator)
        case 3: return Double.random(in: -1e6...1e6, using: &generator)
        case 4: return [0.1, 0.5, 1e-7, .leastNonzeroMagnitude, 1.7976931348623157e308, -2.2250738585072014e-308, 1e22, 1e23]
            .randomElement(using: &generator) ?? 0
        case 5:
            var value: Double
            repeat { value = Double(bitPattern: generator.next()) } while !value.isFinite
            return value
        default: return Double(Int.random(in: 0...100, using: &generator)) / 100
        }
    }

    /// A random JSON value nested at most `depth` levels.
    static func value(using generator: inout SeededGenerator, depth: Int = 3) -> JSONValue {
        let kinds = depth > 0 ? 6 : 4
        switch Int.random(in: 0..<kinds, using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .number(number(using: &generator))
        case 3: return .string(string(using: &generator))
        case 4:
            let count = Int.random(in: 0...4, using: &generator)
            return .array((0..<count).map { _ in value(using: &generator, depth: depth - 1) })
        default:
            let count = Int.random(in: 0...4, using: &generator)
            var members: [String: JSONValue] = [:]
            for _ in 0..<count { members[string(using: &generator, maximumLength: 6)] = value(using: &generator, depth: depth - 1) }
            return .object(members)
        }
    }
}
