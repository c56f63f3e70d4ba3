/// The life of a batch service: `deploying → running → finished | failed | stopped`.
///
/// A batch service starts right after deployment and stops by itself when every input is processed.
/// A stopped or failed service can be started again (it resumes); any service that is not running
/// can be restarted (it runs from scratch).
public enum ServiceStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case deploying
    case running
    case finished
    case failed
    case stopped

    /// Whether the service may go from this status to `next`.
    public func canTransition(to next: ServiceStatus) -> Bool {
        switch (self, next) {
        case (.deploying, .running), (.deploying, .failed), (.deploying, .stopped): true
        case (.running, .finished), (.running, .failed), (.running, .stopped): true
        case (.stopped, .running), (.failed, .running): true
        case (.finished, .deploying), (.failed, .deploying), (.stopped, .deploying): true
        default: false
        }
    }

    /// Whether the service has stopped working (finished, failed or stopped).
    public var isTerminal: Bool { self == .finished || self == .failed || self == .stopped }
}

/// An illegal status change, saying from what to what.
public struct StatusTransitionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var subject: String
    public var from: String
    public var to: String

    public init(subject: String, from: String, to: String) {
        self.subject = subject
        self.from = from
        self.to = to
    }

    public var description: String { "\(subject) cannot change from \(from) to \(to)" }
}
