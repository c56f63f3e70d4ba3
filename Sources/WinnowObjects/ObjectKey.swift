/// A checked object key: `/`-separated segments, none empty, `.` or `..`, no NUL or backslash,
/// at most 1024 bytes. A key can therefore never leave its store's root.
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Checks `text` as a key.
    /// - Throws: ``ObjectStoreError`` `.invalidKey` saying what is wrong.
    public init(_ text: String) throws(ObjectStoreError) {
        guard !text.isEmpty, text.utf8.count <= 1024 else {
            throw ObjectStoreError(.invalidKey, "object key must have 1 to 1024 bytes: '\(text)'")
        }
        for segment in text.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty || segment == "." || segment == ".." {
                throw ObjectStoreError(.invalidKey, "object key '\(text)' has an empty, '.' or '..' segment")
            }
        }
        if text.contains("\u{0}") || text.contains("\\") {
            throw ObjectStoreError(.invalidKey, "object key '\(text)' contains a NUL or backslash")
        }
        rawValue = text
    }

    /// Checks a key prefix for listing: empty, or a key optionally ending in `/`.
    public static func checkPrefix(_ prefix: String) throws(ObjectStoreError) {
        guard !prefix.isEmpty else { return }
        _ = try ObjectKey(prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix)
    }

    public var description: String { rawValue }
    public static func < (a: ObjectKey, b: ObjectKey) -> Bool { a.rawValue < b.rawValue }
}
