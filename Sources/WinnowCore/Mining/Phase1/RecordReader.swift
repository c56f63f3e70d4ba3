/// Typed access to the members of a phase-1 record's JSON object, with errors naming the field.
struct RecordReader {
    let object: [String: JSONValue]
    let prefix: String

    init(_ value: JSONValue, prefix: String = "") throws(CodecError) {
        guard let object = value.objectValue else {
            throw CodecError(field: prefix.isEmpty ? nil : String(prefix.dropLast()), message: "expected an object, got \(value.typeName)")
        }
        self.object = object
        self.prefix = prefix
    }

    private func present(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    func string(_ key: String) throws(CodecError) -> String {
        guard let text = try optionalString(key) else { throw CodecError(field: prefix + key, message: "missing") }
        return text
    }

    func optionalString(_ key: String) throws(CodecError) -> String? {
        guard let value = present(key) else { return nil }
        guard let text = value.stringValue else { throw CodecError(field: prefix + key, message: "expected a string, got \(value.typeName)") }
        return text
    }

    func number(_ key: String) throws(CodecError) -> Double {
        guard let value = present(key) else { throw CodecError(field: prefix + key, message: "missing") }
        return try Self.number(value, prefix + key)
    }

    func optionalNumber(_ key: String) throws(CodecError) -> Double? {
        guard let value = present(key) else { return nil }
        return try Self.number(value, prefix + key)
    }

    func int(_ key: String) throws(CodecError) -> Int {
        let value = try number(key)
        guard value == value.rounded(), abs(value) < 9.0e15 else { throw CodecError(field: prefix + key, message: "expected an integer, got \(value)") }
        return Int(value)
    }

    func optionalArray(_ key: String, count: Int?) throws(CodecError) -> [JSONValue]? {
        guard let value = present(key) else { return nil }
        guard let items = value.arrayValue else { throw CodecError(field: prefix + key, message: "expected an array, got \(value.typeName)") }
        if let count, items.count != count { throw CodecError(field: prefix + key, message: "expected \(count) values, got \(items.count)") }
        return items
    }

    func optionalObject(_ key: String) throws(CodecError) -> [String: JSONValue]? {
        guard let value = present(key) else { return nil }
        guard let members = value.objectValue else { throw CodecError(field: prefix + key, message: "expected an object, got \(value.typeName)") }
        return members
    }

    /// A number; `null` reads as NaN (JSON cannot hold NaN, so the writer wrote `null`).
    static func number(_ value: JSONValue, _ field: String) throws(CodecError) -> Double {
        if value == .null { return .nan }
        guard let number = value.numberValue else { throw CodecError(field: field, message: "expected a number, got \(value.typeName)") }
        return number
    }

    static func optionalNumber(_ value: JSONValue, _ field: String) throws(CodecError) -> Double? {
        if value == .null { return nil }
        return try number(value, field)
    }
}
