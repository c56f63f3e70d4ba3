import Foundation
import Testing
import WinnowObjects
import WinnowObjectsS3

/// The S3 server the integration tests use, from `WINNOW_TEST_S3_*` (scripts/s3-test-server env).
/// Without them those tests are skipped with ``skipReason``.
enum S3TestServer {
    static let environment = ProcessInfo.processInfo.environment

    static var isConfigured: Bool {
        ["WINNOW_TEST_S3_ENDPOINT", "WINNOW_TEST_S3_BUCKET", "WINNOW_TEST_S3_ACCESS_KEY_ID", "WINNOW_TEST_S3_SECRET_ACCESS_KEY"]
            .allSatisfy { !(environment[$0] ?? "").isEmpty }
    }

    static let skipReason: Comment =
        "WINNOW_TEST_S3_ENDPOINT/BUCKET/ACCESS_KEY_ID/SECRET_ACCESS_KEY are unset: no S3 server (eval \"$(scripts/s3-test-server start >&2; scripts/s3-test-server env)\")"

    static var bucket: String { environment["WINNOW_TEST_S3_BUCKET"] ?? "" }

    /// The server's configuration, optionally with another secret key.
    static func configuration(secret: String? = nil) throws -> S3Configuration {
        try S3Configuration(
            endpoint: environment["WINNOW_TEST_S3_ENDPOINT"] ?? "",
            region: environment["WINNOW_TEST_S3_REGION"] ?? "us-east-1",
            credentials: S3Credentials(
                accessKeyID: environment["WINNOW_TEST_S3_ACCESS_KEY_ID"] ?? "",
                secretAccessKey: secret ?? environment["WINNOW_TEST_S3_SECRET_ACCESS_KEY"] ?? ""
            ),
            addressingStyle: .path
        )
    }

    /// A store under a fresh prefix of the test bucket, so every test starts empty.
    static func freshStore(_ adjust: (inout S3Configuration) -> Void = { _ in }) throws -> S3ObjectStore {
        var configuration = try configuration()
        adjust(&configuration)
        return try S3ObjectStore(uri: "s3://\(bucket)/\(freshPrefix())", configuration: configuration)
    }

    static func freshPrefix() -> String {
        "winnow-tests/" + UUID().uuidString.lowercased() + "/"
    }
}
