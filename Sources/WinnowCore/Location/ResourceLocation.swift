import Foundation

/// Where a file named in a manifest lives: `source`, `annotation-loc` and `inference-loc` values.
///
/// Accepts `s3://`, `S3://`, `s3a://` and `obs://` object URIs, `http(s)://` links, `content://` inline
/// text, absolute paths, `file://` URIs and paths relative to the manifest's own folder (`./a.xml`,
/// `../images/b.jpg`).
public enum ResourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// An object in S3-compatible storage; `scheme` is kept as written, lowercased (`s3`, `s3a`, `obs`).
    case object(scheme: String, bucket: String, key: String)
    /// An `http://` or `https://` link.
    case web(String)
    /// A local file, as a normalised absolute path.
    case file(String)
    /// `content://` inline text.
    case inline(String)

    /// Parses `text`, resolving a relative path against `baseDirectory`: an absolute folder path, or the
    /// prefix of a manifest stored in object storage (`s3://bucket/dir`), against which `./a.jpg` is the
    /// object `s3://bucket/dir/a.jpg` (and `..` may not leave the bucket).
    ///
    /// - Throws: ``ValidationError`` naming `field` when the text is empty, uses an unknown scheme,
    ///   or is a relative path with no base to resolve it against.
    public init(parsing text: String, relativeTo baseDirectory: String?, field: String = "source") throws(ValidationError) {
        if let path = Self.fastLocalPath(text, relativeTo: baseDirectory) {
            self = .file(path)
            return
        }
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw ValidationError(field: field, message: "is empty") }
        if trimmed.contains("\u{0}") {
            throw ValidationError(field: field, message: "contains a NUL character")
        }
        if let range = trimmed.range(of: "://") {
            let scheme = trimmed[..<range.lowerBound].lowercased()
            let rest = String(trimmed[range.upperBound...])
            switch scheme {
            case "s3", "s3a", "obs":
                let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                guard let bucket = parts.first, !bucket.isEmpty else {
                    throw ValidationError(field: field, message: "'\(trimmed)' names no bucket")
                }
                let key = parts.count > 1 ? String(parts[1]) : ""
                self = .object(scheme: scheme, bucket: String(bucket), key: key)
            case "http", "https":
                self = .web(trimmed)
            case "content":
                self = .inline(rest)
            case "file":
                guard rest.hasPrefix("/") else {
                    throw ValidationError(field: field, message: "'\(trimmed)' is not an absolute file URI")
                }
                self = .file(Self.normalise(rest))
            default:
                throw ValidationError(field: field, message: "unsupported scheme '\(scheme)://' in '\(trimmed)'; use s3://, obs://, https:// or a path")
            }
            return
        }
        if trimmed.hasPrefix("/") {
            self = .file(Self.normalise(trimmed))
        } else {
            guard let baseDirectory else {
                throw ValidationError(field: field, message: "relative path '\(trimmed)' has no manifest folder to resolve against")
            }
            if baseDirectory.contains("://") {
                self = try Self.resolve(trimmed, againstObjectPrefix: baseDirectory, field: field)
                return
            }
            self = .file(Self.normalise(baseDirectory + "/" + trimmed))
        }
    }

    /// `relative` below the object prefix `base` (`s3://bucket/dir`), `.` and `..` collapsed.
    private static func resolve(_ relative: String, againstObjectPrefix base: String, field: String) throws(ValidationError) -> ResourceLocation {
        guard case .object(let scheme, let bucket, let prefix) = try ResourceLocation(parsing: base, relativeTo: nil, field: field) else {
            throw ValidationError(field: field, message: "relative path '\(relative)' cannot be resolved against '\(base)'")
        }
        var parts = prefix.split(separator: "/", omittingEmptySubsequences: true)
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else {
                    throw ValidationError(field: field, message: "relative path '\(relative)' leaves the bucket of '\(base)'")
                }
                parts.removeLast()
            default: parts.append(component)
            }
        }
        return .object(scheme: scheme, bucket: bucket, key: parts.joined(separator: "/"))
    }

    /// The location as a URI or absolute path, in the form the manifest writer uses.
    public var description: String {
        switch self {
        case .object(let scheme, let bucket, let key): "\(scheme)://\(bucket)/\(key)"
        case .web(let url): url
        case .file(let path): path
        case .inline(let text): "content://" + text
        }
    }

    /// The local path, if this is a file.
    public var filePath: String? {
        if case .file(let path) = self { return path }
        return nil
    }

    /// The last path component (`image1.jpg`), without query string for web links.
    public var fileName: String {
        var text = description
        if case .web = self, let query = text.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            text = String(text[..<query])
        }
        return text.split(separator: "/").last.map(String.init) ?? text
    }

    /// Collapses `.`, `..` and repeated slashes in an absolute path, lexically.
    public static func normalise(_ path: String) -> String {
        if let fast = ASCIIPath.normalise(path, then: nil) { return fast }
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The common case of a manifest path, worked out on bytes: ASCII text without a `:`, without
    /// surrounding whitespace and without NUL, absolute or resolved against an ASCII `baseDirectory`.
    /// `nil` for anything else, which the general parser then handles (with identical results).
    private static func fastLocalPath(_ text: String, relativeTo baseDirectory: String?) -> String? {
        guard ASCIIPath.isPlainPath(text) else { return nil }
        if text.utf8.first == UInt8(ascii: "/") { return ASCIIPath.normalise(text, then: nil) }
        guard let baseDirectory, baseDirectory.utf8.first == UInt8(ascii: "/") else { return nil }
        return ASCIIPath.normalise(baseDirectory, then: text)
    }

    /// `path` written relative to `directory` when it lies below it (`images/a.jpg`), else unchanged.
    public static func relativePath(_ path: String, from directory: String) -> String {
        let base = normalise(directory)
        let prefix = base == "/" ? "/" : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
