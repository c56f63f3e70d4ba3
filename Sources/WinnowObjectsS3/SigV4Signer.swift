public import Foundation
import Crypto

/// AWS Signature Version 4 for request headers (`Authorization: AWS4-HMAC-SHA256 …`).
///
/// The canonical request follows AWS's rules: the URI path as given (already encoded once, the way S3
/// wants it), query pairs encoded and sorted, header names lower-cased with values trimmed and inner
/// runs of spaces collapsed, sorted by name. Checked against AWS's published test vectors.
public struct SigV4Signer: Sendable {
    /// The SHA-256 of an empty payload.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    /// The payload hash that tells S3 the body is not signed.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// The credentials requests are signed with.
    public var credentials: S3Credentials
    /// The region in the credential scope (`us-east-1`).
    public var region: String
    /// The service in the credential scope (`s3`).
    public var service: String

    /// A signer for `service` in `region`.
    public init(credentials: S3Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// What is signed: the parts of an HTTP request that enter the canonical request.
    public struct Request: Sendable {
        /// `GET`, `PUT`, …
        public var method: String
        /// The `Host` header as sent: the host, with `:port` when the port is not the scheme's default.
        public var host: String
        /// The URI path, already percent-encoded (``S3URIEncoding/encode(_:keepSlash:)``), starting with `/`.
        public var path: String
        /// The query parameters, unencoded.
        public var query: [(name: String, value: String)]
        /// The headers to sign besides `host`, `x-amz-date` and `x-amz-security-token`.
        public var headers: [(name: String, value: String)]
        /// The hex SHA-256 of the body, or ``SigV4Signer/unsignedPayload``.
        public var payloadHash: String

        public init(
            method: String, host: String, path: String, query: [(name: String, value: String)] = [],
            headers: [(name: String, value: String)] = [], payloadHash: String = SigV4Signer.emptyPayloadHash
        ) {
            self.method = method
            self.host = host
            self.path = path
            self.query = query
            self.headers = headers
            self.payloadHash = payloadHash
        }
    }

    /// The signed request's parts, kept for tests and for debugging a `SignatureDoesNotMatch`.
    public struct Signature: Sendable {
        /// The headers to add to the request: `x-amz-date`, `x-amz-security-token` (if any), `authorization`.
        public var headers: [(name: String, value: String)]
        public var canonicalRequest: String
        public var stringToSign: String
        /// The hex signature.
        public var signature: String
        /// The value of the `Authorization` header.
        public var authorization: String
    }

    /// Signs `request` as made at `date`.
    public func sign(_ request: Request, at date: Date) -> Signature {
        let (day, stamp) = Self.timestamps(date)
        var headers = request.headers.map { (name: $0.name.lowercased(), value: Self.trimmed($0.value)) }
        headers.append((name: "host", value: request.host))
        headers.append((name: "x-amz-date", value: stamp))
        if let token = credentials.sessionToken {
            headers.append((name: "x-amz-security-token", value: token))
        }
        // Repeated names are joined with commas, in the order given.
        var merged: [String: [String]] = [:]
        for header in headers { merged[header.name, default: []].append(header.value) }
        let names = merged.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(merged[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let canonicalRequest = [
            request.method,
            request.path.isEmpty ? "/" : request.path,
            S3URIEncoding.canonicalQuery(request.query),
            canonicalHeaders,
            signedHeaders,
            request.payloadHash,
        ].joined(separator: "\n")

        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", stamp, scope, Self.hex(SHA256.hash(data: Array(canonicalRequest.utf8)))]
            .joined(separator: "\n")
        var key = SymmetricKey(data: Array(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"

        var added: [(name: String, value: String)] = [(name: "x-amz-date", value: stamp)]
        if let token = credentials.sessionToken { added.append((name: "x-amz-security-token", value: token)) }
        added.append((name: "authorization", value: authorization))
        return Signature(
            headers: added, canonicalRequest: canonicalRequest, stringToSign: stringToSign,
            signature: signature, authorization: authorization
        )
    }

    /// The hex SHA-256 of `bytes`, as `x-amz-content-sha256` wants it.
    public static func payloadHash(_ bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".unicodeScalars)
        var out = String.UnicodeScalarView()
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(out)
    }

    /// A header value with leading and trailing spaces removed and inner runs of spaces collapsed.
    static func trimmed(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// `20150830` and `20150830T123600Z` for `date`, in UTC.
    static func timestamps(_ date: Date) -> (day: String, stamp: String) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let dayText = pad(year, 4) + pad(month, 2) + pad(day, 2)
        let time = pad(secondOfDay / 3600, 2) + pad(secondOfDay / 60 % 60, 2) + pad(secondOfDay % 60, 2)
        return (dayText, dayText + "T" + time + "Z")
    }
}
