public import WinnowCore

/// A use case that could not be carried out, with every problem that stopped it.
public struct EngineError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The input (manifest, VOC file, argument) is invalid; nothing was changed.
        case invalidInput = "invalid_input"
        /// A named dataset, service or task does not exist.
        case notFound = "not_found"
        /// The request conflicts with the current state.
        case conflict
    }

    public var code: Code
    public var message: String
    /// The problems found, each naming its file, line and field (at most ``problemLimit``).
    public var problems: [CodecError]

    /// How many problems an error keeps.
    public static let problemLimit = 100

    public init(_ code: Code, _ message: String, problems: [CodecError] = []) {
        self.code = code
        self.message = message
        self.problems = problems
    }

    public var description: String {
        ([message] + problems.map(\.description)).joined(separator: "\n")
    }
}
