/// A small, strict XML 1.0 parser that reads UTF-8 bytes into a tree of ``XMLTreeElement``.
///
/// It checks well-formedness (one root, matching tags, legal names and characters, valid UTF-8,
/// proper references) and reports the first problem as a ``CodecError`` naming the line. It reads
/// the XML declaration, comments, processing instructions, CDATA sections and a byte order mark.
/// A DOCTYPE is skipped, but one that declares entities is refused: only the five predefined
/// entities and character references are ever expanded, so entity bombs cannot happen. Elements
/// may nest at most ``maximumDepth`` levels. Only UTF-8 (and its ASCII subset) is read.
///
/// It does no I/O and no namespace processing, and it does not use Foundation's `XMLParser`.
public enum XMLTreeParser {
    /// The deepest element nesting accepted; deeper documents are refused.
    public static let maximumDepth = 256

    /// Parses a whole document and returns its root element.
    ///
    /// - Parameters:
    ///   - bytes: the document, UTF-8 encoded.
    ///   - file: the file name to put in errors, if known.
    public static func parse(_ bytes: [UInt8], file: String? = nil) throws(CodecError) -> XMLTreeElement {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(CodecError) -> XMLTreeElement in try parse(buffer, file: file) }
        }
        return try result.get()
    }

    /// Parses a whole document held in `buffer` and returns its root element.
    public static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>,
        file: String? = nil
    ) throws(CodecError) -> XMLTreeElement {
        var reader = XMLDocumentReader(scanner: XMLScanner(bytes: buffer, file: file))
        return try reader.document()
    }
}
