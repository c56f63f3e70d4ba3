/// One input of a batch service and what became of it.
public struct ServiceItem: Sendable, Hashable, Codable {
    /// Position in the input order, from 0; output lines follow it.
    public var sequence: Int
    /// The input as the output manifest names it (absolute path or URI).
    public var source: String
    public var outcome: Outcome?

    /// What the model made of the input.
    public enum Outcome: Sendable, Hashable, Codable {
        /// Answered; the answer is in the result file at this path, relative to the output folder.
        case succeeded(resultPath: String)
        /// Not answered, with the reason.
        case failed(message: String)
    }

    public init(sequence: Int, source: String, outcome: Outcome? = nil) {
        self.sequence = sequence
        self.source = source
        self.outcome = outcome
    }
}
