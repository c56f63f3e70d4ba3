/// Serialises ``JSONValue`` as compact JSON (no spaces, no newlines) with stable output.
///
/// - Object keys are sorted (by `String` ordering, which is code-point order for the ASCII keys
///   manifests use), so equal values always serialise to equal text.
/// - Strings escape `"` and `\`, and write every control character U+0000–U+001F as `\u00xx`
///   (lowercase hex). Everything else, including `/` and non-ASCII text, is written as UTF-8.
/// - Numbers: an integral value within ±2^53 is written as an integer (`3`, not `3.0`); any other
///   finite value in its shortest round-trip form (`0.1`, `1e-07`, `1.5e+300`); non-finite values,
///   which JSON cannot express, as `null`.
public enum JSONWriter {
    /// The compact JSON text of `value`.
    public static func serialize(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        write(value, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the compact JSON text of `value` to `output` as UTF-8.
    public static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null:
            appendASCII("null", to: &output)
        case .bool(let flag):
            appendASCII(flag ? "true" : "false", to: &output)
        case .number(let number):
            writeNumber(number, into: &output)
        case .string(let text):
            writeString(text, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                if let member = members[key] { write(member, into: &output) }
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `text` as a JSON string literal, quotes included.
    public static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                output.append(UInt8(ascii: "\\"))
                if byte < 0x20 {
                    output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    output.append(hexDigit(byte >> 4))
                    output.append(hexDigit(byte & 0x0F))
                } else {
                    output.append(byte)
                }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Appends `number` as JSON: an integer when integral within ±2^53, else shortest round-trip,
    /// `null` when not finite.
    public static func writeNumber(_ number: Double, into output: inout [UInt8]) {
        guard number.isFinite else {
            appendASCII("null", to: &output)
            return
        }
        if number.rounded(.towardZero) == number, number.magnitude <= 9_007_199_254_740_992 {
            appendInteger(Int64(number), to: &output)
            return
        }
        // Swift's description is the shortest text that reads back as the same Double, and for finite
        // values it is always valid JSON: `0.1`, `1e-07`, `1.5e+300`, `1e+16`, `9.007199254740994e+15`.
        var text = number.description
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    /// The compact JSON text of `number` (see ``writeNumber(_:into:)``).
    static func numberText(_ number: Double) -> String {
        var output: [UInt8] = []
        writeNumber(number, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func appendInteger(_ value: Int64, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            output.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        // At most 16 digits (2^53 < 10^16), written backwards into a fixed buffer.
        var digits: (UInt64, UInt64) = (0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[15 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(16 - count)..<16]))
        }
    }

    private static func appendASCII(_ text: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
