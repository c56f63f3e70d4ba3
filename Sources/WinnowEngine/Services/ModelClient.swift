/// Sends one image to a model and returns its answer.
public protocol ModelClient: Sendable {
    /// The model's answer body for one image.
    ///
    /// - Throws: ``ModelCallError``: `.rejected` for 4xx answers (not retried), `.unavailable` for
    ///   connection errors, timeouts and 5xx (retried).
    func predict(image: [UInt8], fileName: String) async throws(ModelCallError) -> [UInt8]
}

/// Why a model call failed, and whether trying again may help.
public struct ModelCallError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The model refused the input (HTTP 4xx): a `FAILED` line, not retried.
        case rejected
        /// The model could not be reached, timed out or failed (5xx): retried with backoff.
        case unavailable
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
