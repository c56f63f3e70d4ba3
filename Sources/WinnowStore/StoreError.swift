/// A metadata-store failure, the same for every backend.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The named dataset, sample or import does not exist.
        case notFound = "not_found"
        /// A dataset with that name exists already.
        case duplicate
        /// The request breaks a rule (wrong dataset, bad value).
        case invalid
        /// The backend failed (I/O, corrupt file, lost connection).
        case backend
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    public static func datasetNotFound(_ key: String) -> StoreError { StoreError(.notFound, "dataset '\(key)' does not exist") }
    public static func sampleNotFound(_ id: String) -> StoreError { StoreError(.notFound, "sample '\(id)' does not exist") }
    public static func importNotFound(_ id: String) -> StoreError { StoreError(.notFound, "import '\(id)' does not exist (committed or aborted already?)") }
}
