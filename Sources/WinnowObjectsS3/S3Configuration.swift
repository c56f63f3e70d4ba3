public import Foundation
public import WinnowObjects

/// Where and how to reach S3-compatible storage: endpoint, region, credentials, addressing style and
/// transfer sizes. ``fromEnvironment(_:)`` reads the variables AWS's own tools use.
public struct S3Configuration: Sendable {
    /// How a bucket appears in request URLs.
    public enum AddressingStyle: String, Sendable, Hashable {
        /// `https://endpoint/bucket/key`: MinIO, SeaweedFS and most self-hosted servers.
        case path
        /// `https://bucket.endpoint/key`: AWS and Huawei OBS.
        case virtualHosted = "virtual"
    }

    /// The endpoint's scheme, `http` or `https`.
    public var scheme: String
    /// The endpoint's host name or address.
    public var host: String
    /// The endpoint's port, when not the scheme's default.
    public var port: Int?
    /// The signing region (`us-east-1`, `cn-north-4`).
    public var region: String
    /// The access key requests are signed with.
    public var credentials: S3Credentials
    /// Path-style or virtual-hosted-style URLs.
    public var addressingStyle: AddressingStyle
    /// Objects larger than this many bytes are uploaded in parts (default 16 MiB).
    public var multipartThreshold: Int = 16 << 20
    /// The size of each part of a multipart upload but the last (default 8 MiB; AWS's minimum is 5 MiB).
    public var partSize: Int = 8 << 20
    /// Keys asked for per ListObjectsV2 page (default and AWS's maximum: 1000).
    public var listPageSize: Int = 1000
    /// Whether uploads carry the body's SHA-256 (`true`) or `UNSIGNED-PAYLOAD`.
    public var signsPayload: Bool = true
    /// How long one request may take, in seconds (default 300).
    public var requestTimeout: Double = 300

    /// A configuration for the endpoint `endpointURL` (`http://127.0.0.1:8333`, `https://s3.eu-west-1.amazonaws.com`).
    ///
    /// - Parameter addressingStyle: by default virtual-hosted for `amazonaws.com` and `myhuaweicloud.com`
    ///   endpoints, path-style for any other.
    /// - Throws: ``ObjectStoreError`` `.unsupported` when the URL is not `http(s)://host[:port]`.
    public init(
        endpoint endpointURL: String, region: String, credentials: S3Credentials, addressingStyle: AddressingStyle? = nil
    ) throws(ObjectStoreError) {
        guard let components = URLComponents(string: endpointURL),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else {
            throw ObjectStoreError(.unsupported, "S3 endpoint '\(endpointURL)' is not an http:// or https:// URL with a host")
        }
        guard components.path.isEmpty || components.path == "/", components.query == nil else {
            throw ObjectStoreError(.unsupported, "S3 endpoint '\(endpointURL)' must not have a path or query; give the bucket in the s3:// URI")
        }
        guard !region.isEmpty else { throw ObjectStoreError(.unsupported, "S3 region is empty") }
        self.scheme = scheme
        self.host = host
        self.port = components.port.flatMap { (scheme == "http" && $0 == 80) || (scheme == "https" && $0 == 443) ? nil : $0 }
        self.region = region
        self.credentials = credentials
        self.addressingStyle = addressingStyle ?? Self.defaultStyle(forHost: host)
    }

    /// AWS's endpoint for `region`, virtual-hosted style.
    public static func aws(region: String, credentials: S3Credentials) throws(ObjectStoreError) -> S3Configuration {
        try S3Configuration(endpoint: "https://s3.\(region).amazonaws.com", region: region, credentials: credentials)
    }

    /// The configuration the environment describes, the way the AWS CLI reads it:
    ///
    /// - `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` (required) and `AWS_SESSION_TOKEN`;
    /// - `AWS_REGION`, else `AWS_DEFAULT_REGION`, else `us-east-1`;
    /// - `AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL`, else AWS's endpoint for the region;
    /// - `WINNOW_S3_ADDRESSING_STYLE` = `path` or `virtual` (default: virtual for AWS and OBS hosts, else path);
    /// - `WINNOW_S3_MULTIPART_THRESHOLD` and `WINNOW_S3_PART_SIZE` in bytes.
    ///
    /// - Throws: ``ObjectStoreError`` `.unsupported` naming the variable that is missing or wrong.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ObjectStoreError) -> S3Configuration {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        guard let accessKey = value("AWS_ACCESS_KEY_ID"), let secret = value("AWS_SECRET_ACCESS_KEY") else {
            throw ObjectStoreError(
                .unsupported,
                "no S3 credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_ENDPOINT_URL_S3 for storage other than AWS)"
            )
        }
        let credentials = S3Credentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN"))
        let region = value("AWS_REGION") ?? value("AWS_DEFAULT_REGION") ?? "us-east-1"
        var style: AddressingStyle?
        if let text = value("WINNOW_S3_ADDRESSING_STYLE") {
            guard let parsed = AddressingStyle(rawValue: text.lowercased()) else {
                throw ObjectStoreError(.unsupported, "WINNOW_S3_ADDRESSING_STYLE is '\(text)'; use 'path' or 'virtual'")
            }
            style = parsed
        }
        var configuration: S3Configuration
        if let endpoint = value("AWS_ENDPOINT_URL_S3") ?? value("AWS_ENDPOINT_URL") {
            do {
                configuration = try S3Configuration(endpoint: endpoint, region: region, credentials: credentials, addressingStyle: style)
            } catch {
                let name = value("AWS_ENDPOINT_URL_S3") != nil ? "AWS_ENDPOINT_URL_S3" : "AWS_ENDPOINT_URL"
                throw ObjectStoreError(.unsupported, "\(name): \(error.message)")
            }
        } else {
            configuration = try S3Configuration(
                endpoint: "https://s3.\(region).amazonaws.com", region: region, credentials: credentials, addressingStyle: style
            )
        }
        for (name, minimum, keyPath) in [
            ("WINNOW_S3_MULTIPART_THRESHOLD", 1, \S3Configuration.multipartThreshold),
            ("WINNOW_S3_PART_SIZE", 1, \S3Configuration.partSize),
        ] as [(String, Int, WritableKeyPath<S3Configuration, Int>)] {
            guard let text = value(name) else { continue }
            guard let number = Int(text), number >= minimum else {
                throw ObjectStoreError(.unsupported, "\(name) is '\(text)'; give a whole number of bytes")
            }
            configuration[keyPath: keyPath] = number
        }
        return configuration
    }

    /// `http://host:port`, as written in messages.
    public var endpointDescription: String {
        "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }

    static func defaultStyle(forHost host: String) -> AddressingStyle {
        let lower = host.lowercased()
        return lower.hasSuffix(".amazonaws.com") || lower.hasSuffix(".myhuaweicloud.com") ? .virtualHosted : .path
    }
}
