/// A problem found while decoding a manifest line or a PASCAL VOC file.
///
/// It names where: the file (when the caller knows it), the 1-based line, and the field
/// (`annotation[1].annotation-loc`, `object[2].bndbox.xmin`, …).
public struct CodecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the bytes came from, if known.
    public var file: String?
    /// The 1-based line number, if known.
    public var line: Int?
    /// The field at fault, if the problem is in one field.
    public var field: String?
    /// What is wrong, in words.
    public var message: String

    public init(file: String? = nil, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// The same error, placed in `file` (and at `line` when it had none).
    public func located(file: String?, line: Int? = nil) -> CodecError {
        var copy = self
        if copy.file == nil { copy.file = file }
        if copy.line == nil { copy.line = line }
        return copy
    }

    /// `path:line: field: message`, the form `winnow validate` prints.
    public var description: String {
        var text = ""
        if let file { text += file + ":" }
        if let line { text += "\(line):" }
        if !text.isEmpty { text += " " }
        if let field { text += field + ": " }
        return text + message
    }
}
