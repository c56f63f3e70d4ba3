/// Identifiers in the ModelArts style: 32 lowercase hexadecimal characters.
public enum Identifier {
    /// A new random identifier.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }

    /// A new identifier drawn from `generator` (deterministic in tests).
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let high = generator.next()
        let low = generator.next()
        return hex(high) + hex(low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
