/// A domain value that breaks a rule, naming the field.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field, e.g. `name` or `annotation[0].type`.
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
