extension KeyedDecodingContainer {
    /// The value for `key`, or `defaultValue` when the key is absent or `null`, so configuration files
    /// need only name what they change.
    func value<Value: Decodable>(_ key: Key, default defaultValue: Value) throws -> Value {
        try decodeIfPresent(Value.self, forKey: key) ?? defaultValue
    }
}
