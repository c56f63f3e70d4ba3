/// Number scanning: the RFC 8259 grammar, an allocation-free fast path, and a correctly rounded fallback.
extension JSONScanner {
    /// Reads the number at the cursor (`-` or a digit).
    ///
    /// Grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. Values with at most 19
    /// significant digits and a small power of ten are computed exactly (Clinger's fast path: both
    /// operands are exact doubles, so the one multiplication or division rounds correctly); the rest
    /// go through the standard library's correctly rounded `Double(String)`. Numbers beyond the range
    /// of `Double` are rejected; tiny ones round to zero.
    mutating func parseNumber() throws(CodecError) -> Double {
        let start = position
        let count = bytes.count
        var index = position
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < count, Self.isDigit(bytes[index]) else {
            throw syntaxError(index < count ? "expected a digit after '-'" : "unexpected end of input, expected a digit after '-'", at: index)
        }

        var mantissa: UInt64 = 0
        var significantDigits = 0
        var truncated = false
        var exponent = 0

        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, Self.isDigit(bytes[index]) {
                throw syntaxError("leading zeros are not allowed in numbers", at: start)
            }
        } else {
            while index < count, Self.isDigit(bytes[index]) {
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
                    significantDigits += 1
                } else {
                    truncated = true
                    exponent += 1
                }
                index += 1
            }
        }

        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, Self.isDigit(bytes[index]) else {
                throw syntaxError("expected a digit after the decimal point", at: index)
            }
            while index < count, Self.isDigit(bytes[index]) {
                let digit = UInt64(bytes[index] &- UInt8(ascii: "0"))
                if significantDigits < 19 {
                    if mantissa != 0 || digit != 0 { significantDigits += 1 }
                    mantissa = mantissa &* 10 &+ digit
                    exponent -= 1
                } else if digit != 0 {
                    truncated = true
                }
                index += 1
            }
        }

        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < count, Self.isDigit(bytes[index]) else {
                throw syntaxError("expected a digit in the exponent", at: index)
            }
            var written = 0
            while index < count, Self.isDigit(bytes[index]) {
                if written < 1_000_000 { written = written * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            exponent += exponentNegative ? -written : written
        }
        position = index

        if mantissa == 0 && !truncated { return negative ? -0.0 : 0.0 }
        if !truncated, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            if exponent < 0 {
                value /= Self.powerOfTen(-exponent)
            } else if exponent > 0 {
                value *= Self.powerOfTen(exponent)
            }
            return negative ? -value : value
        }
        return try parseNumberSlowly(start: start, end: index)
    }

    /// The correctly rounded fallback for long mantissas and large exponents.
    private func parseNumberSlowly(start: Int, end: Int) throws(CodecError) -> Double {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw syntaxError("number \(text.count > 40 ? String(text.prefix(40)) + "…" : text) is out of range", at: start)
        }
        return value
    }

    /// Whether `byte` is an ASCII digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// 10^`exponent` for 0…22, all exact in a `Double`.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// Reads `bytes` as exactly one JSON number (no surrounding whitespace), or returns `nil`.
    ///
    /// Used for numbers written as strings, such as `"hard-coefficient": "0.8"`.
    static func number(in bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let first = bytes.first, first == UInt8(ascii: "-") || isDigit(first) else { return nil }
        var scanner = JSONScanner(bytes, maximumDepth: 0)
        guard let value = try? scanner.parseNumber(), scanner.position == bytes.count else { return nil }
        return value
    }
}
