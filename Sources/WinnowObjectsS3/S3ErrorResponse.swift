import WinnowCore
import WinnowObjects

/// An S3 `<Error>` answer (`<Code>NoSuchKey</Code><Message>…</Message>`), and what it means for Winnow.
struct S3ErrorResponse: Sendable, Hashable {
    /// S3's error code (`NoSuchKey`, `AccessDenied`), or `HTTP 404` when the answer had no XML body.
    var code: String
    /// S3's message, possibly empty.
    var message: String

    /// Codes that mean the credentials or their permissions were refused.
    static let credentialCodes: Set<String> = [
        "AccessDenied", "SignatureDoesNotMatch", "InvalidAccessKeyId", "InvalidToken", "ExpiredToken",
        "TokenRefreshRequired", "AllAccessDisabled", "AccountProblem", "RequestTimeTooSkewed",
        "InvalidSecurity", "AuthorizationHeaderMalformed",
    ]

    /// The error in `body`, or one made from the status when the body is not an S3 error document.
    init(status: Int, body: [UInt8]) {
        if let root = try? XMLTreeParser.parse(body), root.name == "Error" {
            code = root.firstChild(named: "Code")?.text ?? "HTTP \(status)"
            message = root.firstChild(named: "Message")?.text ?? ""
            if let region = root.firstChild(named: "Region")?.text, !region.isEmpty {
                message += " (the bucket's region is \(region))"
            }
        } else {
            switch status {
            case 404: code = "NoSuchKey"
            case 403: code = "AccessDenied"
            default: code = "HTTP \(status)"
            }
            let text = String(decoding: body.prefix(200), as: UTF8.self)
            message = text.contains("<") ? "" : text
        }
    }

    /// Whether `body` holds an S3 error document (CompleteMultipartUpload may answer 200 with one).
    static func isError(_ body: [UInt8]) -> Bool {
        (try? XMLTreeParser.parse(body))?.name == "Error"
    }

    /// The ``ObjectStoreError`` for this answer to `operation` on `resource` (`s3://bucket/key`).
    func objectStoreError(operation: String, resource: String, bucket: String, status: Int, configuration: S3Configuration) -> ObjectStoreError {
        let detail = message.isEmpty ? code : "\(code): \(message)"
        if code == "NoSuchBucket" {
            return ObjectStoreError(.notFound, "\(resource): bucket '\(bucket)' does not exist at \(configuration.endpointDescription) (\(detail))")
        }
        if code == "NoSuchKey" || code == "NoSuchUpload" || (status == 404 && !Self.credentialCodes.contains(code)) {
            return ObjectStoreError(.notFound, "\(resource): no such object (\(detail))")
        }
        if Self.credentialCodes.contains(code) || status == 401 || status == 403 {
            return ObjectStoreError(
                .denied,
                "\(resource): the storage at \(configuration.endpointDescription) refused \(operation) on bucket '\(bucket)' "
                    + "with \(configuration.credentials) (\(detail)); check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, "
                    + "AWS_REGION and the key's permissions on the bucket"
            )
        }
        if code == "EntityTooLarge" {
            return ObjectStoreError(.tooLarge, "\(resource): \(operation) refused as too large (\(detail))")
        }
        return ObjectStoreError(.io, "\(resource): \(operation) failed with HTTP \(status) (\(detail))")
    }
}
