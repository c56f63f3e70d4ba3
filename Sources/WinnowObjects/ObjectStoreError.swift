/// An object-store or file-access failure, the same for every backend.
public struct ObjectStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// No object or file at that key or path.
        case notFound = "not_found"
        /// The key is not acceptable (`..`, absolute, empty segment, NUL).
        case invalidKey = "invalid_key"
        /// The object is larger than the caller allows.
        case tooLarge = "too_large"
        /// The location's kind is not served by this reader (e.g. `s3://` without an S3 store).
        case unsupported
        /// The storage refused the credentials or the permission (S3 `AccessDenied`, `SignatureDoesNotMatch`).
        case denied
        /// Reading or writing failed.
        case io
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
