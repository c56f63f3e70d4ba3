/// How ``ManifestCodec`` reads one field's JSON value, and how it words what it found when the value
/// is wrong. `null` means "absent" for every typed field.
extension ManifestCodec {
    /// A value as an error message shows it: `string "high"`, `number 1.5`, `boolean true`, `null`,
    /// `array`, `object`. Long strings are shortened.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return "boolean \(flag)"
        case .number(let number): return "number " + JSONWriter.numberText(number)
        case .string(let text):
            let shown = text.unicodeScalars.count > 60 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))) + "…" : text
            return "string " + JSONWriter.serialize(.string(shown))
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// A string, or `nil` for `null`.
    static func optionalString(_ value: JSONValue, field: @autoclosure () -> String) throws(CodecError) -> String? {
        switch value {
        case .string(let text): return text
        case .null: return nil
        default: throw CodecError(field: field(), message: "expected a string, got \(describe(value))")
        }
    }

    /// A string that is not empty (`source`, a classification's `name`).
    static func nonEmptyString(_ value: JSONValue, field: @autoclosure () -> String) throws(CodecError) -> String {
        if case .string(let text) = value, !text.isEmpty { return text }
        throw CodecError(field: field(), message: "expected a non-empty string, got \(describe(value))")
    }

    /// A number in [0, 1], written as a number or as a numeric string (`"0.8"`); `nil` for `null`.
    static func unitInterval(_ value: JSONValue, field: @autoclosure () -> String) throws(CodecError) -> Double? {
        let number: Double?
        switch value {
        case .null: return nil
        case .number(let written): number = written
        case .string(let text): number = numberInString(text)
        default: number = nil
        }
        guard let number, number >= 0, number <= 1 else {
            throw CodecError(field: field(), message: "expected a number in [0, 1], got \(describe(value))")
        }
        return number
    }

    /// An integer within ±2^53, written as a number or a numeric string; `nil` for `null`.
    static func integer(_ value: JSONValue, field: @autoclosure () -> String) throws(CodecError) -> Int? {
        let number: Double?
        switch value {
        case .null: return nil
        case .number(let written): number = written
        case .string(let text): number = numberInString(text)
        default: number = nil
        }
        guard let number, number.rounded(.towardZero) == number, number.magnitude <= 9_007_199_254_740_992 else {
            throw CodecError(field: field(), message: "expected an integer, got \(describe(value))")
        }
        return Int(number)
    }

    /// A hard-example flag: a boolean, `"true"`/`"false"` in any case, `"1"`/`"0"`, or the number 1 or 0;
    /// `nil` for `null`.
    static func flag(_ value: JSONValue, field: @autoclosure () -> String) throws(CodecError) -> Bool? {
        switch value {
        case .null: return nil
        case .bool(let flag): return flag
        case .number(1): return true
        case .number(0): return false
        case .string(let text):
            switch text.lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: break
            }
        default: break
        }
        throw CodecError(
            field: field(),
            message: "expected true or false (a boolean, \"true\"/\"false\" or \"1\"/\"0\"), got \(describe(value))"
        )
    }

    /// Hard-example reason codes: `"3-20-21"` or `[3, 20, 21]`, each 0–30, returned sorted without
    /// duplicates (as ``HardReason/parseList(_:)`` does); `nil` for `null`.
    static func reasons(_ value: JSONValue, field: @autoclosure () -> String) throws(CodecError) -> [Int]? {
        switch value {
        case .null:
            return nil
        case .string(let text):
            do throws(ValidationError) {
                return try HardReason.parseList(text)
            } catch {
                throw CodecError(field: field(), message: error.message)
            }
        case .array(let elements):
            var codes = Set<Int>()
            for element in elements {
                guard case .number(let number) = element, number.rounded(.towardZero) == number,
                      number >= 0, number <= 30
                else {
                    throw CodecError(field: field(), message: "expected reason codes 0–30, got \(describe(element)) in the array")
                }
                codes.insert(Int(number))
            }
            return codes.sorted()
        default:
            throw CodecError(
                field: field(),
                message: "expected reason codes as a string like \"3-20-21\" or an array of integers, got \(describe(value))"
            )
        }
    }

    /// A sample usage, in any case. An empty string and `"all"` (which the ModelArts SDK uses to mean
    /// "every usage") mean no particular usage, `nil`; so does `null`.
    static func usage(_ value: JSONValue, field: @autoclosure () -> String) throws(CodecError) -> Usage? {
        switch value {
        case .null:
            return nil
        case .string(let text):
            if text.isEmpty || text.lowercased() == "all" { return nil }
            if let usage = Usage(parsing: text) { return usage }
            throw CodecError(
                field: field(),
                message: "unknown usage \(describe(value)); expected TRAIN, EVAL, TEST or INFERENCE (any case)"
            )
        default:
            throw CodecError(field: field(), message: "expected a usage string (TRAIN, EVAL, TEST or INFERENCE), got \(describe(value))")
        }
    }

    /// A labeling type, `modelarts/<name>` or the bare name, in any case.
    static func labelingType(_ value: JSONValue, field: @autoclosure () -> String) throws(CodecError) -> LabelingType {
        guard case .string(let text) = value else {
            throw CodecError(field: field(), message: "expected an annotation type such as \"modelarts/image_classification\", got \(describe(value))")
        }
        guard let type = LabelingType(parsing: text) else {
            throw CodecError(field: field(), message: "unknown annotation type '\(text)'")
        }
        return type
    }

    /// The number a string spells in JSON syntax (`"0.8"`, `"1e-3"`), or `nil`.
    private static func numberInString(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { JSONScanner.number(in: $0) }
    }
}
