/// The intended use of a sample (`usage` in a manifest), parsed case-insensitively.
public enum Usage: String, Sendable, Hashable, Codable, CaseIterable {
    case train = "TRAIN"
    case eval = "EVAL"
    case test = "TEST"
    case inference = "INFERENCE"

    /// Parses any capitalisation of `TRAIN`, `EVAL`, `TEST` or `INFERENCE`.
    public init?(parsing text: String) {
        guard let value = Usage(rawValue: text.uppercased()) else { return nil }
        self = value
    }
}
