/// The document grammar on top of ``XMLScanner``: prolog, elements, content, epilog.
struct XMLDocumentReader {
    var s: XMLScanner

    init(scanner: XMLScanner) {
        s = scanner
    }

    static let commentOpen = Array("<!--".utf8)
    static let cdataOpen = Array("<![CDATA[".utf8)
    static let doctypeOpen = Array("<!DOCTYPE".utf8)
    static let entityOpen = Array("<!ENTITY".utf8)
    static let declarationOpen = Array("<?xml".utf8)

    // MARK: Document

    /// Reads the whole document: prolog, the root element, then comments and processing instructions only.
    mutating func document() throws(CodecError) -> XMLTreeElement {
        try start()
        var root: XMLTreeElement?
        var sawDoctype = false
        while true {
            _ = s.skipWhitespace()
            guard let byte = s.byte() else { break }
            if byte != UInt8(ascii: "<") {
                let place = root == nil ? "before" : "after"
                throw s.error("text \(place) the root element; a document holds exactly one root element")
            }
            if s.hasPrefix(Self.commentOpen) {
                try comment()
            } else if s.byte(at: 1) == UInt8(ascii: "?") {
                try processingInstruction()
            } else if s.hasPrefix(Self.doctypeOpen) {
                guard root == nil, !sawDoctype else {
                    throw s.error("a DOCTYPE is only allowed once, before the root element")
                }
                try doctype()
                sawDoctype = true
            } else if s.byte(at: 1) == UInt8(ascii: "/") {
                throw s.error("end tag with no matching start tag")
            } else if s.byte(at: 1) == UInt8(ascii: "!") {
                throw s.error("unexpected markup '<!' outside the root element")
            } else if let root {
                throw s.error("a second root element after <\(root.name)> (line \(root.line)); "
                    + "a document holds exactly one root element")
            } else {
                root = try rootElement()
            }
        }
        guard let root else { throw s.error("not an XML document: it has no root element") }
        return root
    }

    /// Skips a byte order mark, recognises input that is not XML at all, and reads the XML declaration.
    private mutating func start() throws(CodecError) {
        let bytes = s.bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            s.pos = 3
        } else if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            throw s.error("not a UTF-8 document: it starts with a UTF-16 byte order mark; Winnow reads UTF-8 XML only")
        }
        var index = s.pos
        var line = 1
        while index < bytes.count, XMLScanner.isWhitespace(bytes[index]) {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        guard index < bytes.count else { throw s.error("not an XML document: the file is empty", line: line) }
        guard bytes[index] == UInt8(ascii: "<") else { throw notXML(at: index, line: line) }
        if s.hasPrefix(Self.declarationOpen), let next = s.byte(at: 5), XMLScanner.isWhitespace(next) {
            try declaration()
        }
    }

    /// The error for a document whose first non-blank byte is not `<`.
    private func notXML(at index: Int, line: Int) -> CodecError {
        let bytes = s.bytes
        let first = bytes[index]
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            return s.error("not an XML document: it looks like JSON (it starts with '\(Character(Unicode.Scalar(first)))')",
                line: line)
        }
        let sample = bytes[index..<min(bytes.count, index + 512)]
        var probe = s
        probe.pos = index
        let binary = sample.contains { $0 < 0x20 && !XMLScanner.isWhitespace($0) }
            || (first >= 0x80 && (try? probe.decodeMultibyte()) == nil)
        if binary {
            return s.error("not an XML document: it looks like binary data (it starts with byte 0x"
                + XMLScanner.hex(UInt32(first), width: 2) + ")", line: line)
        }
        let end = sample.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? sample.endIndex
        var excerpt = String(decoding: bytes[index..<min(end, index + 24)], as: UTF8.self)
        if end > index + 24 { excerpt += "…" }
        return s.error("not an XML document: expected '<' at the start, found \"\(excerpt)\"", line: line)
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="no"?>`; refuses encodings other than UTF-8.
    private mutating func declaration() throws(CodecError) {
        let startLine = s.line
        s.pos += 5
        var version: String?
        var encoding: String?
        var standalone: String?
        while true {
            let hadSpace = s.skipWhitespace()
            if s.byte() == UInt8(ascii: "?"), s.byte(at: 1) == UInt8(ascii: ">") {
                s.pos += 2
                break
            }
            guard s.byte() != nil else {
                throw s.error("unexpected end of document inside the XML declaration on line \(startLine)")
            }
            guard hadSpace else { throw s.error("malformed XML declaration: expected a space or '?>', found \(s.describeCurrent())") }
            let name = s.string(try s.readName(what: "a name in the XML declaration"))
            _ = s.skipWhitespace()
            guard s.byte() == UInt8(ascii: "=") else { throw s.error("malformed XML declaration: expected '=' after '\(name)'") }
            s.pos += 1
            _ = s.skipWhitespace()
            let value = try attributeValue()
            switch name {
            case "version" where version == nil && encoding == nil && standalone == nil: version = value
            case "encoding" where version != nil && encoding == nil && standalone == nil: encoding = value
            case "standalone" where version != nil && standalone == nil: standalone = value
            default: throw s.error("malformed XML declaration: unexpected '\(name)' (expected version, encoding, standalone in this order)")
            }
        }
        guard let version else { throw s.error("malformed XML declaration: it has no version", line: startLine) }
        guard version.hasPrefix("1."), version.count > 2, version.utf8.dropFirst(2).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw s.error("unsupported XML version '\(version)'", line: startLine)
        }
        if let encoding, !["UTF-8", "UTF8", "US-ASCII", "ASCII"].contains(encoding.uppercased()) {
            throw s.error("encoding '\(encoding)' is not supported: Winnow reads UTF-8 XML only (convert the file to UTF-8)",
                line: startLine)
        }
        if let standalone, standalone != "yes", standalone != "no" {
            throw s.error("malformed XML declaration: standalone must be 'yes' or 'no'", line: startLine)
        }
    }

    // MARK: Comments, processing instructions, DOCTYPE

    /// Skips `<!-- … -->`, refusing `--` inside.
    mutating func comment() throws(CodecError) {
        let startLine = s.line
        s.pos += Self.commentOpen.count
        while true {
            guard let byte = s.byte() else {
                throw s.error("unexpected end of document inside the comment that starts on line \(startLine)")
            }
            if byte == UInt8(ascii: "-"), s.byte(at: 1) == UInt8(ascii: "-") {
                guard s.byte(at: 2) == UInt8(ascii: ">") else { throw s.error("'--' is not allowed inside a comment") }
                s.pos += 3
                return
            }
            try s.readChar()
        }
    }

    /// Skips `<?target …?>`; a target `xml` here is a misplaced XML declaration.
    mutating func processingInstruction() throws(CodecError) {
        let startLine = s.line
        s.pos += 2
        let target = s.string(try s.readName(what: "a processing-instruction target after '<?'"))
        if target.lowercased() == "xml" {
            throw s.error("the XML declaration <?xml …?> is only allowed at the very start of the document", line: startLine)
        }
        var hadSpace = s.skipWhitespace()
        while true {
            guard let byte = s.byte() else {
                throw s.error("unexpected end of document inside the processing instruction that starts on line \(startLine)")
            }
            if byte == UInt8(ascii: "?"), s.byte(at: 1) == UInt8(ascii: ">") {
                s.pos += 2
                return
            }
            guard hadSpace else { throw s.error("malformed processing instruction <?\(target): expected a space or '?>'") }
            try s.readChar()
            hadSpace = true
        }
    }

    /// Skips `<!DOCTYPE …>`, refusing entity declarations in its internal subset.
    private mutating func doctype() throws(CodecError) {
        let startLine = s.line
        s.pos += Self.doctypeOpen.count
        guard s.skipWhitespace() else { throw s.error("malformed DOCTYPE: expected a space after <!DOCTYPE") }
        _ = try s.readName(what: "the DOCTYPE name")
        var inSubset = false
        while true {
            guard let byte = s.byte() else {
                throw s.error("unexpected end of document inside the DOCTYPE that starts on line \(startLine)")
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                s.pos += 1
                while s.byte() != byte {
                    guard s.byte() != nil else {
                        throw s.error("unexpected end of document inside the DOCTYPE that starts on line \(startLine)")
                    }
                    try s.readChar()
                }
                s.pos += 1
            case UInt8(ascii: "[") where !inSubset:
                inSubset = true
                s.pos += 1
            case UInt8(ascii: "]") where inSubset:
                inSubset = false
                s.pos += 1
            case UInt8(ascii: ">") where !inSubset:
                s.pos += 1
                return
            case UInt8(ascii: "<") where inSubset && s.hasPrefix(Self.entityOpen):
                throw s.error("the DOCTYPE declares an entity (<!ENTITY …>); entity declarations are refused "
                    + "(Winnow expands no entities)")
            case UInt8(ascii: "<") where inSubset && s.hasPrefix(Self.commentOpen):
                try comment()
            default:
                try s.readChar()
            }
        }
    }
}
