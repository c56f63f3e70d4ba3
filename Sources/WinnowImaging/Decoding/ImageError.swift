/// Why one image could not be read, decoded or encoded, naming the file when it came from one.
///
/// Decoding never traps on bad input: every problem of a file is one of these, and a folder scan records
/// it for that file and goes on with the next.
public struct ImageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of problem.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// The file could not be opened or read.
        case unreadable
        /// The file has no bytes.
        case empty
        /// The bytes start like no image format Winnow knows (a text file named `.jpg`, say).
        case unknownFormat = "unknown_format"
        /// A known format, in a variant Winnow does not decode (GIF, TIFF, compressed BMP, …).
        case unsupported
        /// The data ends before the image does.
        case truncated
        /// The data is damaged or inconsistent.
        case corrupt
        /// The header declares more pixels than the configured limit (a decompression-bomb guard).
        case tooLarge = "too_large"
        /// An encoder was given something it cannot write.
        case encodingFailed = "encoding_failed"
    }

    /// What kind of problem.
    public var code: Code
    /// The file the bytes came from, when known.
    public var file: String?
    /// What is wrong, in words.
    public var message: String

    /// An error of `code`, with `message`, for `file`.
    public init(_ code: Code, _ message: String, file: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
    }

    /// The same error, placed in `file` unless it already names one.
    public func located(in file: String?) -> ImageError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }

    /// `path: message`, or just the message when no file is known.
    public var description: String {
        if let file { return "\(file): \(message)" }
        return message
    }
}
