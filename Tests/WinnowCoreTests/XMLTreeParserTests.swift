import Testing
import WinnowCore

@Suite struct XMLTreeParserTests {
    private func parse(_ text: String) throws(CodecError) -> XMLTreeElement {
        try XMLTreeParser.parse(Array(text.utf8))
    }

    // MARK: Well-formed documents

    @Test func readsElementsAttributesTextAndLines() throws {
        let root = try parse("""
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <annotation kind="voc" note='single "quoted"'>
                <folder>Images</folder>
                <empty/>
                <size>
                    <width>640</width>
                </size>
            </annotation>
            """)
        #expect(root.name == "annotation")
        #expect(root.line == 2)
        #expect(root.attribute("kind") == "voc")
        #expect(root.attribute("note") == "single \"quoted\"")
        #expect(root.attribute("missing") == nil)
        #expect(root.children.map(\.name) == ["folder", "empty", "size"])
        #expect(root.text == "")
        let folder = try #require(root.firstChild(named: "folder"))
        #expect(folder.text == "Images")
        #expect(folder.line == 3)
        #expect(root.firstChild(named: "empty")?.text == "")
        #expect(root.firstChild(named: "empty")?.line == 4)
        let width = try #require(root.firstChild(named: "size")?.firstChild(named: "width"))
        #expect(width.text == "640")
        #expect(width.line == 6)
    }

    @Test func replacesPredefinedEntitiesAndCharacterReferences() throws {
        let root = try parse("<a t=\"&lt;&amp;&gt;\">&lt;&gt;&amp;&apos;&quot; &#65;&#x4E2D;&#x1F600;</a>")
        #expect(root.text == "<>&'\" A中😀")
        #expect(root.attribute("t") == "<&>")
    }

    @Test func skipsCommentsProcessingInstructionsAndDoctype() throws {
        let root = try parse("""
            <?xml version="1.0"?>
            <!-- a comment -->
            <?xml-stylesheet href="style.css"?>
            <!DOCTYPE annotation SYSTEM "voc.dtd" [
              <!ELEMENT annotation ANY>
              <!-- a ' quote in a comment -->
            ]>
            <annotation><!-- inside --><?pi data?><name>cat</name></annotation>
            <!-- trailing comment -->
            """)
        #expect(root.name == "annotation")
        #expect(root.children.map(\.name) == ["name"])
        #expect(root.children.first?.line == 8)
    }

    @Test func mergesCDATAIntoText() throws {
        let root = try parse("<a>x<![CDATA[<not> & markup]]>y</a>")
        #expect(root.text == "x<not> & markupy")
    }

    @Test func normalisesLineBreaksAndCountsThem() throws {
        let root = try parse("<a>\r\n<b>one\r\ntwo\rthree</b>\r\n<c/>\r</a>")
        let b = try #require(root.firstChild(named: "b"))
        #expect(b.text == "one\ntwo\nthree")
        #expect(b.line == 2)
        #expect(root.firstChild(named: "c")?.line == 5)
    }

    @Test func normalisesWhitespaceInAttributeValues() throws {
        let root = try parse("<a v=\"x\ty\r\nz\"/>")
        #expect(root.attribute("v") == "x y z")
    }

    @Test func keepsWhitespaceOfLeavesAndDropsIndentationOfContainers() throws {
        let root = try parse("<a>\n  <b>  padded  </b>\n  <c>   </c>\n</a>")
        #expect(root.text == "")
        #expect(root.firstChild(named: "b")?.text == "  padded  ")
        #expect(root.firstChild(named: "c")?.text == "   ")
    }

    @Test func keepsMixedContentText() throws {
        let root = try parse("<a>before<b/>after</a>")
        #expect(root.text == "beforeafter")
    }

    @Test func readsNonASCIINamesAndText() throws {
        let root = try parse("<properties><属性>绿色</属性><颜色2>蓝色</颜色2></properties>")
        #expect(root.children.map(\.name) == ["属性", "颜色2"])
        #expect(root.children.map(\.text) == ["绿色", "蓝色"])
    }

    @Test func skipsByteOrderMark() throws {
        let root = try XMLTreeParser.parse([0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\"?><a>x</a>".utf8))
        #expect(root.text == "x")
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let depth = XMLTreeParser.maximumDepth
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        var element = try parse(text)
        var levels = 1
        while let child = element.children.first {
            element = child
            levels += 1
        }
        #expect(levels == depth)
    }

    @Test func parsesFromABufferPointer() throws {
        let bytes = Array("<a>b</a>".utf8)
        let root = try bytes.withUnsafeBufferPointer { buffer in try XMLTreeParser.parse(buffer, file: "x.xml") }
        #expect(root.text == "b")
    }

    // MARK: Refused documents

    /// A document that must be refused, the line the error must name and a fragment of its message.
    struct Broken: Sendable, CustomTestStringConvertible {
        let label: String
        let bytes: [UInt8]
        let line: Int
        let fragment: String

        init(_ label: String, _ text: String, line: Int, _ fragment: String) {
            self.init(label, Array(text.utf8), line: line, fragment)
        }

        init(_ label: String, _ bytes: [UInt8], line: Int, _ fragment: String) {
            self.label = label
            self.bytes = bytes
            self.line = line
            self.fragment = fragment
        }

        var testDescription: String { label }
    }

    static let broken: [Broken] = [
        Broken("empty file", "", line: 1, "not an XML document: the file is empty"),
        Broken("blank file", "  \n\t\n ", line: 3, "the file is empty"),
        Broken("JSON object", "{\"source\": \"s3://a/b.jpg\"}", line: 1, "looks like JSON"),
        Broken("JSON array", "\n[1, 2]", line: 2, "looks like JSON"),
        Broken("PNG bytes", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], line: 1, "binary data"),
        Broken("plain text", "hello world", line: 1, "expected '<' at the start"),
        Broken("UTF-16", [0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00], line: 1, "UTF-16"),
        Broken("declaration only", "<?xml version=\"1.0\"?>\n", line: 2, "no root element"),
        Broken("mismatched tags", "<a>\n<b>\n</a>", line: 3, "end tag </a> does not match the start tag <b> on line 2"),
        Broken("unclosed root", "<a>\n<b></b>\n", line: 3, "<a> (line 1) is not closed"),
        Broken("truncated tag", "<annotation><folder>x</fol", line: 1, "expected '>'"),
        Broken("truncated start tag", "<annotation><folder", line: 1, "unexpected end of document inside the start tag"),
        Broken("two roots", "<a/>\n<b/>", line: 2, "second root element"),
        Broken("text after root", "<a/>\ntrailing", line: 2, "text after the root element"),
        Broken("end tag without start", "</a>", line: 1, "end tag with no matching start tag"),
        Broken("less-than in text", "<a>1 < 2</a>", line: 1, "&lt;"),
        Broken("bad element name", "<a>\n<1b/></a>", line: 2, "not followed by an element name"),
        Broken("duplicate attribute", "<a b='1' b='2'/>", line: 1, "attribute 'b' appears twice"),
        Broken("unquoted attribute", "<a b=c/>", line: 1, "expected a quoted value"),
        Broken("attribute without value", "<a b/>", line: 1, "has no value"),
        Broken("less-than in attribute", "<a b='<'/>", line: 1, "'<' is not allowed in an attribute value"),
        Broken("undefined entity", "<a>\n&nbsp;</a>", line: 2, "undefined entity '&nbsp;'"),
        Broken("bare ampersand", "<a>fish & chips</a>", line: 1, "write a literal '&' as &amp;"),
        Broken("NUL reference", "<a>&#0;</a>", line: 1, "XML does not allow"),
        Broken("huge reference", "<a>&#x110000;</a>", line: 1, "beyond U+10FFFF"),
        Broken("bad reference digit", "<a>&#12a;</a>", line: 1, "invalid character reference"),
        Broken("entity declaration", "<!DOCTYPE a [\n<!ENTITY x \"y\">\n]><a>&x;</a>", line: 2, "entity declarations are refused"),
        Broken("billion laughs", """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            ]>
            <lolz>&lol2;</lolz>
            """, line: 3, "<!ENTITY"),
        Broken("doctype after root", "<a/><!DOCTYPE a>", line: 1, "DOCTYPE is only allowed once, before the root element"),
        Broken("invalid UTF-8", [0x3C, 0x61, 0x3E, 0x0A, 0xC3, 0x28, 0x3C, 0x2F, 0x61, 0x3E], line: 2, "invalid UTF-8"),
        Broken("overlong UTF-8", [0x3C, 0x61, 0x3E, 0xC0, 0xAF, 0x3C, 0x2F, 0x61, 0x3E], line: 1, "invalid UTF-8"),
        Broken("surrogate in UTF-8", [0x3C, 0x61, 0x3E, 0xED, 0xA0, 0x80, 0x3C, 0x2F, 0x61, 0x3E], line: 1, "invalid UTF-8"),
        Broken("truncated UTF-8", [0x3C, 0x61, 0x3E, 0xE4, 0xB8], line: 1, "invalid UTF-8"),
        Broken("control character", "<a>\n\u{1}</a>", line: 2, "control character U+0001"),
        Broken("too deep", String(repeating: "<a>", count: 300), line: 1, "nested deeper than 256"),
        Broken("GBK encoding", "<?xml version=\"1.0\" encoding=\"GBK\"?><a/>", line: 1, "encoding 'GBK' is not supported"),
        Broken("late declaration", "<a/>\n<?xml version=\"1.0\"?>", line: 2, "only allowed at the very start"),
        Broken("declaration without version", "<?xml encoding=\"UTF-8\"?><a/>", line: 1, "malformed XML declaration"),
        Broken("double hyphen in comment", "<a><!-- x -- y --></a>", line: 1, "'--' is not allowed inside a comment"),
        Broken("unterminated comment", "<a><!-- x", line: 1, "inside the comment"),
        Broken("CDATA end in text", "<a>]]></a>", line: 1, "']]>' is not allowed in text"),
        Broken("unterminated CDATA", "<a><![CDATA[ x </a>", line: 1, "inside the CDATA section"),
        Broken("CDATA outside root", "<![CDATA[x]]><a/>", line: 1, "outside the root element"),
        Broken("unterminated attribute", "<a b=\"x", line: 1, "inside an attribute value"),
    ]

    @Test(arguments: broken)
    func refusesMalformedDocuments(_ sample: Broken) {
        let error = #expect(throws: CodecError.self) { try XMLTreeParser.parse(sample.bytes, file: "doc.xml") }
        #expect(error?.file == "doc.xml")
        #expect(error?.line == sample.line)
        #expect(error?.field == nil)
        #expect(error?.message.contains(sample.fragment) == true, "message: \(error?.message ?? "none")")
    }

    @Test func errorDescriptionNamesFileAndLine() {
        let error = #expect(throws: CodecError.self) { try XMLTreeParser.parse(Array("<a>\n</b>".utf8), file: "x.xml") }
        #expect(error?.description.hasPrefix("x.xml:2: end tag </b>") == true)
    }

    // MARK: Robustness

    /// Every prefix of a document and thousands of random byte edits must throw or parse, never crash.
    @Test func neverCrashesOnDamagedInput() {
        let document = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE annotation>
            <annotation a="1" b='&amp;'><!-- c --><folder>图片 &lt;x&gt; &#x41;</folder>
            <![CDATA[ raw ]]><?pi x?><object><name>cat</name><bndbox><xmin>1</xmin></bndbox></object></annotation>
            """.utf8)
        for length in 0...document.count {
            _ = try? XMLTreeParser.parse(Array(document[..<length]))
        }
        var generator = SplitMix64(seed: 0x5EED)
        let interesting: [UInt8] = Array("<>&;/!?[]-'\"=#x \n\r".utf8) + [0x00, 0x80, 0xC3, 0xE4, 0xF0, 0xFF]
        for _ in 0..<3000 {
            var damaged = document
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<damaged.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: damaged[index] = interesting.randomElement(using: &generator) ?? 0
                case 1: damaged.remove(at: index)
                default: damaged.insert(interesting.randomElement(using: &generator) ?? 0, at: index)
                }
            }
            _ = try? XMLTreeParser.parse(damaged)
        }
    }
}

/// A small seeded generator, so that randomised tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
