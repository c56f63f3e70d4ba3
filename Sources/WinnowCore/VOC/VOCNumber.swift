/// Numbers and text as PASCAL VOC files write them.
enum VOCNumber {
    /// Parses a decimal number: an optional sign, digits with an optional fraction (`12`, `12.5`,
    /// `.5`, `5.`), an optional exponent (`1e-05`). Hexadecimal, `inf` and `nan` are refused, and so
    /// is a value too large for a `Double`.
    static func parse(_ text: String) -> Double? {
        guard isDecimal(text), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Whether `text` has the shape of a decimal number (see ``parse(_:)``).
    static func isDecimal(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        var mantissa = digits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }

    /// Parses a decimal integer with an optional sign (`486`, `+3`, `-1`).
    static func parseInteger(_ text: String) -> Int? {
        Int(text)
    }

    /// Formats a number the shortest way that reads back the same: integers without a fraction
    /// (`174`, not `174.0`), other values in Swift's shortest round-trip form (`0.8`, `1e-05`).
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(.towardZero), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}

/// Text helpers of the VOC codec.
enum VOCText {
    /// `text` without leading and trailing XML whitespace (space, tab, line feed, carriage return).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isWhitespace($0) }),
            let last = utf8.lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        let end = utf8.index(after: last)
        if first == utf8.startIndex, end == utf8.endIndex { return text }
        return String(decoding: utf8[first..<end], as: UTF8.self)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// `text` escaped for XML character data: `&`, `<`, `>` as entities, a carriage return as
    /// `&#13;` (so that it survives line-break normalisation), and characters XML cannot hold
    /// (control characters, U+FFFE, U+FFFF) replaced by U+FFFD.
    static func escaped(_ text: String) -> String {
        let needsWork = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte < 0x20 || byte == 0xEF
        }
        guard needsWork else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\r": result.append(contentsOf: "&#13;".unicodeScalars)
            case "\t", "\n": result.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result.append("\u{FFFD}")
                } else {
                    result.append(scalar)
                }
            }
        }
        return String(result)
    }
}
