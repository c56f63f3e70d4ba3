/// An access key for S3-compatible storage, with the session token temporary credentials carry.
///
/// ``description`` never shows the secret.
public struct S3Credentials: Sendable, Hashable, CustomStringConvertible {
    /// The access key id (`AKIA…`), sent in every request's credential scope.
    public var accessKeyID: String
    /// The secret access key; only ever used to derive signing keys.
    public var secretAccessKey: String
    /// The session token of temporary credentials (`x-amz-security-token`), if any.
    public var sessionToken: String?

    /// Credentials from an access key pair and an optional session token.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    public var description: String {
        "access key \(accessKeyID)" + (sessionToken == nil ? "" : " with a session token")
    }
}
