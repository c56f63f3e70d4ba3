import Foundation
public import WinnowObjects

/// A parsed `s3://bucket/prefix` (or `obs://`, `s3a://`) URI: the bucket and a key prefix.
public struct S3URI: Sendable, Hashable, CustomStringConvertible {
    /// The scheme as written, lower-cased: `s3`, `s3a` or `obs`.
    public var scheme: String
    /// The bucket name.
    public var bucket: String
    /// The key prefix, empty or ending in `/`.
    public var prefix: String

    /// The schemes that name S3-compatible storage (`obs://` is Huawei OBS, which speaks S3).
    public static let schemes: Set<String> = ["s3", "s3a", "obs"]

    /// Whether `text` starts with one of ``schemes`` followed by `://`.
    public static func isObjectURI(_ text: String) -> Bool {
        guard let range = text.range(of: "://") else { return false }
        return schemes.contains(text[..<range.lowerBound].lowercased())
    }

    /// The whole bucket `bucket`, or the part under `prefix` (empty or ending in `/`; not checked).
    public init(scheme: String = "s3", bucket: String, prefix: String = "") {
        self.scheme = scheme
        self.bucket = bucket
        self.prefix = prefix
    }

    /// Parses `text`.
    /// - Throws: ``ObjectStoreError`` `.invalidKey` for a bad bucket or a prefix that could leave it,
    ///   `.unsupported` for another scheme.
    public init(_ text: String) throws(ObjectStoreError) {
        guard let range = text.range(of: "://"), Self.schemes.contains(text[..<range.lowerBound].lowercased()) else {
            throw ObjectStoreError(.unsupported, "'\(text)' is not an s3:// or obs:// URI")
        }
        scheme = text[..<range.lowerBound].lowercased()
        let rest = text[range.upperBound...]
        let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        bucket = String(parts.first ?? "")
        try Self.checkBucket(bucket, in: text)
        var path = parts.count > 1 ? String(parts[1]) : ""
        if !path.isEmpty && !path.hasSuffix("/") { path += "/" }
        do {
            try ObjectKey.checkPrefix(path)
        } catch {
            throw ObjectStoreError(.invalidKey, "'\(text)': the path after the bucket is not a safe key prefix (\(error.message))")
        }
        prefix = path
    }

    /// Checks a bucket name: 1 to 255 letters, digits, `.`, `-` and `_` (S3's rules are stricter; the
    /// storage itself refuses what it does not accept).
    static func checkBucket(_ bucket: String, in text: String) throws(ObjectStoreError) {
        let allowed = bucket.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard !bucket.isEmpty, bucket.utf8.count <= 255, allowed, bucket != ".", bucket != ".." else {
            throw ObjectStoreError(.invalidKey, "'\(text)': '\(bucket)' is not a bucket name (letters, digits, '.', '-', '_')")
        }
    }

    public var description: String { "\(scheme)://\(bucket)/\(prefix)" }
}
