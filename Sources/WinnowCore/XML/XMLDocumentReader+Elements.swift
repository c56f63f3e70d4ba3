/// Elements, character data and attribute values.
extension XMLDocumentReader {
    /// An element whose end tag has not been read yet.
    struct OpenElement {
        var nameRange: Range<Int>
        var name: String
        var attributes: [XMLTreeElement.Attribute]
        var children: [XMLTreeElement] = []
        var text: [UInt8] = []
        var textIsBlank = true
        var line: Int

        func finish() -> XMLTreeElement {
            let keepText = children.isEmpty || !textIsBlank
            return XMLTreeElement(
                name: name,
                attributes: attributes,
                children: children,
                text: keepText ? String(decoding: text, as: UTF8.self) : "",
                line: line
            )
        }
    }

    /// Reads the root element and everything inside it, without recursion.
    mutating func rootElement() throws(CodecError) -> XMLTreeElement {
        var stack: [OpenElement] = []
        if let done = try startTag(into: &stack) { return done }
        while true {
            let depth = stack.count - 1
            guard depth >= 0 else { throw s.error("internal error: no open element") }
            try text(into: &stack[depth])
            guard s.byte() != nil else {
                let open = stack[depth]
                throw s.error("unexpected end of document: <\(open.name)> (line \(open.line)) is not closed")
            }
            // At '<'.
            switch s.byte(at: 1) {
            case UInt8(ascii: "/"):
                try endTag(matching: stack[depth])
                let done = stack.removeLast().finish()
                if stack.isEmpty { return done }
                stack[depth - 1].children.append(done)
            case UInt8(ascii: "?"):
                try processingInstruction()
            case UInt8(ascii: "!"):
                if s.hasPrefix(Self.commentOpen) {
                    try comment()
                } else if s.hasPrefix(Self.cdataOpen) {
                    try cdata(into: &stack[depth])
                } else if s.hasPrefix(Self.doctypeOpen) {
                    throw s.error("a DOCTYPE is only allowed before the root element")
                } else {
                    throw s.error("unexpected markup '<!' (expected a comment or a CDATA section)")
                }
            default:
                if let done = try startTag(into: &stack) { return done }
            }
        }
    }

    /// Reads a start tag at `<`. An empty element (`<a/>`) joins its parent, or is returned when it
    /// is the root; any other element is pushed on `stack`.
    private mutating func startTag(into stack: inout [OpenElement]) throws(CodecError) -> XMLTreeElement? {
        let line = s.line
        s.pos += 1
        guard s.atNameStart() else {
            throw s.error("'<' is not followed by an element name (found \(s.describeCurrent())); "
                + "a literal '<' in text must be written &lt;")
        }
        let nameRange = try s.readName(what: "an element name")
        let name = s.string(nameRange)
        var attributes: [XMLTreeElement.Attribute] = []
        var isEmpty = false
        while true {
            let hadSpace = s.skipWhitespace()
            guard let byte = s.byte() else {
                throw s.error("unexpected end of document inside the start tag <\(name)> (line \(line))")
            }
            if byte == UInt8(ascii: ">") {
                s.pos += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                guard s.byte(at: 1) == UInt8(ascii: ">") else { throw s.error("expected '/>' to end the start tag <\(name)>") }
                s.pos += 2
                isEmpty = true
                break
            }
            guard hadSpace else {
                throw s.error("expected a space, '>' or '/>' in the start tag <\(name)>, found \(s.describeCurrent())")
            }
            let attributeName = s.string(try s.readName(what: "an attribute name in <\(name)>"))
            _ = s.skipWhitespace()
            guard s.byte() == UInt8(ascii: "=") else {
                throw s.error("attribute '\(attributeName)' of <\(name)> has no value (expected '=')")
            }
            s.pos += 1
            _ = s.skipWhitespace()
            let value = try attributeValue()
            if attributes.contains(where: { $0.name == attributeName }) {
                throw s.error("attribute '\(attributeName)' appears twice in <\(name)>")
            }
            attributes.append(.init(name: attributeName, value: value))
        }
        let open = OpenElement(nameRange: nameRange, name: name, attributes: attributes, line: line)
        if isEmpty {
            let done = open.finish()
            guard !stack.isEmpty else { return done }
            stack[stack.count - 1].children.append(done)
            return nil
        }
        guard stack.count < XMLTreeParser.maximumDepth else {
            throw s.error("elements are nested deeper than \(XMLTreeParser.maximumDepth) levels", line: line)
        }
        stack.append(open)
        return nil
    }

    /// Reads `</name>` and checks that it closes `open`.
    private mutating func endTag(matching open: OpenElement) throws(CodecError) {
        let line = s.line
        s.pos += 2
        let range = try s.readName(what: "an element name after '</'")
        _ = s.skipWhitespace()
        guard s.byte() == UInt8(ascii: ">") else {
            throw s.error("expected '>' to end the end tag </\(s.string(range))>, found \(s.describeCurrent())")
        }
        s.pos += 1
        guard s.bytesEqual(range, open.nameRange) else {
            throw s.error("end tag </\(s.string(range))> does not match the start tag <\(open.name)> on line \(open.line)",
                line: line)
        }
    }

    /// Reads character data up to the next `<` or the end, replacing references and normalising line breaks.
    private mutating func text(into element: inout OpenElement) throws(CodecError) {
        var runStart = s.pos
        while s.pos < s.bytes.count {
            let byte = s.bytes[s.pos]
            if byte >= 0x20, byte < 0x80 {
                if byte == UInt8(ascii: "<") { break }
                if byte == UInt8(ascii: "&") {
                    element.text.append(contentsOf: s.bytes[runStart..<s.pos])
                    XMLScanner.appendUTF8(try s.readReference(), to: &element.text)
                    element.textIsBlank = false
                    runStart = s.pos
                    continue
                }
                if byte == UInt8(ascii: "]"), s.byte(at: 1) == UInt8(ascii: "]"), s.byte(at: 2) == UInt8(ascii: ">") {
                    throw s.error("']]>' is not allowed in text")
                }
                if byte != 0x20 { element.textIsBlank = false }
                s.pos += 1
            } else if byte == 0x0A || byte == 0x09 {
                s.consumeASCII()
            } else if byte == 0x0D {
                element.text.append(contentsOf: s.bytes[runStart..<s.pos])
                element.text.append(0x0A)
                s.consumeASCII()
                if s.byte() == 0x0A { s.consumeASCII() }
                runStart = s.pos
            } else {
                try s.readChar()
                element.textIsBlank = false
            }
        }
        element.text.append(contentsOf: s.bytes[runStart..<s.pos])
    }

    /// Reads `<![CDATA[…]]>` into the element's text.
    private mutating func cdata(into element: inout OpenElement) throws(CodecError) {
        let startLine = s.line
        s.pos += Self.cdataOpen.count
        var runStart = s.pos
        while true {
            guard let byte = s.byte() else {
                throw s.error("unexpected end of document inside the CDATA section that starts on line \(startLine)")
            }
            if byte == UInt8(ascii: "]"), s.byte(at: 1) == UInt8(ascii: "]"), s.byte(at: 2) == UInt8(ascii: ">") {
                element.text.append(contentsOf: s.bytes[runStart..<s.pos])
                s.pos += 3
                return
            }
            if byte == 0x0D {
                element.text.append(contentsOf: s.bytes[runStart..<s.pos])
                element.text.append(0x0A)
                s.consumeASCII()
                if s.byte() == 0x0A { s.consumeASCII() }
                runStart = s.pos
                continue
            }
            if !XMLScanner.isWhitespace(byte) { element.textIsBlank = false }
            try s.readChar()
        }
    }

    /// Reads a quoted attribute value, replacing references and turning whitespace characters into spaces.
    mutating func attributeValue() throws(CodecError) -> String {
        guard let quote = s.byte(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw s.error("expected a quoted value, found \(s.describeCurrent())")
        }
        let startLine = s.line
        s.pos += 1
        var output: [UInt8] = []
        var runStart = s.pos
        while true {
            guard let byte = s.byte() else {
                throw s.error("unexpected end of document inside an attribute value that starts on line \(startLine)")
            }
            if byte == quote { break }
            switch byte {
            case UInt8(ascii: "<"):
                throw s.error("'<' is not allowed in an attribute value (write &lt;)")
            case UInt8(ascii: "&"):
                output.append(contentsOf: s.bytes[runStart..<s.pos])
                XMLScanner.appendUTF8(try s.readReference(), to: &output)
                runStart = s.pos
            case 0x09, 0x0A, 0x0D:
                output.append(contentsOf: s.bytes[runStart..<s.pos])
                let crlf = byte == 0x0D && s.byte(at: 1) == 0x0A
                s.consumeASCII()
                if crlf { s.consumeASCII() }
                output.append(0x20)
                runStart = s.pos
            default:
                try s.readChar()
            }
        }
        output.append(contentsOf: s.bytes[runStart..<s.pos])
        s.pos += 1
        return String(decoding: output, as: UTF8.self)
    }

}
