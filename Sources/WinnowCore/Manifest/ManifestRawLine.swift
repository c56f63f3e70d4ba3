/// One non-blank line of a manifest as ``ManifestLineSplitter`` hands it out, before decoding.
public struct ManifestRawLine: Sendable, Hashable {
    /// The 1-based line number in the file, counting blank lines.
    public var number: Int
    /// The line's bytes, without the line break (`\n` or `\r\n`).
    public var bytes: [UInt8]

    public init(number: Int, bytes: [UInt8]) {
        self.number = number
        self.bytes = bytes
    }
}
