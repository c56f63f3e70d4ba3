import Testing
import WinnowCore

@Suite struct VOCCodecRejectionTests {
    /// A VOC document that must be refused: the line, field and message fragment the error must carry.
    struct Broken: Sendable, CustomTestStringConvertible {
        let label: String
        let text: String
        let line: Int
        let field: String?
        let fragment: String

        var testDescription: String { label }
    }

    private static let base = VOCSamples.base

    private static func object(_ inner: String) -> String { VOCSamples.withObject(inner) }

    /// `<name>x</name>` then `shape`, on line 15.
    private static func shape(_ shape: String) -> String { object("<name>x</name>\n" + shape) }

    static let header: [Broken] = [
        Broken(label: "root is not annotation", text: "<voc>\n<folder>a</folder>\n</voc>", line: 1, field: nil,
            fragment: "the root element is <voc>"),
        Broken(label: "missing folder", text: base.replacing("    <folder>Images</folder>\n", with: ""), line: 1,
            field: "folder", fragment: "missing <folder>"),
        Broken(label: "duplicate folder", text: base.replacing("<filename>", with: "<folder>B</folder><filename>"), line: 3,
            field: "folder", fragment: "appears more than once (lines 2 and 3)"),
        Broken(label: "missing filename", text: base.replacing("<filename>cat.jpg</filename>", with: ""), line: 1,
            field: "filename", fragment: "missing <filename>"),
        Broken(label: "filename holds an element", text: base.replacing("cat.jpg", with: "<b>cat</b>"), line: 3,
            field: "filename", fragment: "must hold text, not the element <b>"),
        Broken(label: "missing source", text: base.replacing("<source>\n        <database>Unknown</database>\n    </source>", with: ""),
            line: 1, field: "source", fragment: "missing <source>"),
        Broken(label: "empty database", text: base.replacing("<database>Unknown</database>", with: "<database> </database>"),
            line: 5, field: "source.database", fragment: "can't be empty"),
        Broken(label: "missing size", text: base.replacing("<size>", with: "<dimensions>").replacing("</size>", with: "</dimensions>"),
            line: 1, field: "size", fragment: "missing <size>"),
        Broken(label: "missing depth", text: base.replacing("<depth>3</depth>", with: ""), line: 7, field: "size.depth",
            fragment: "missing <depth> in size"),
        Broken(label: "fractional width", text: base.replacing("<width>640</width>", with: "<width>640.5</width>"), line: 8,
            field: "size.width", fragment: "'640.5' is not an integer"),
        Broken(label: "zero height", text: base.replacing("<height>480</height>", with: "<height>0</height>"), line: 9,
            field: "size.height", fragment: "height must be above 0, found 0"),
        Broken(label: "negative depth", text: base.replacing("<depth>3</depth>", with: "<depth>-1</depth>"), line: 10,
            field: "size.depth", fragment: "depth must be 0 or more"),
        Broken(label: "empty depth", text: base.replacing("<depth>3</depth>", with: "<depth></depth>"), line: 10,
            field: "size.depth", fragment: "can't be empty"),
        Broken(label: "missing segmented", text: base.replacing("<segmented>0</segmented>", with: ""), line: 1,
            field: "segmented", fragment: "missing <segmented>"),
        Broken(label: "segmented is 2", text: base.replacing("<segmented>0</segmented>", with: "<segmented>2</segmented>"),
            line: 12, field: "segmented", fragment: "must be 0 or 1, found '2'"),
        Broken(label: "upper-case Object", text: base.replacing("<object>", with: "<Object>").replacing("</object>", with: "</Object>"),
            line: 13, field: "Object", fragment: "unknown element <Object>: VOC element names are lower-case (<object>)"),
    ]

    static let objects: [Broken] = [
        Broken(label: "empty object", text: object(""), line: 13, field: "object[1]", fragment: "object can't be empty"),
        Broken(label: "missing name", text: base.replacing("<name>cat</name>", with: ""), line: 13, field: "object[1].name",
            fragment: "missing <name>"),
        Broken(label: "empty name", text: base.replacing("<name>cat</name>", with: "<name/>"), line: 14, field: "object[1].name",
            fragment: "can't be empty"),
        Broken(label: "empty pose", text: base.replacing("<pose>Unspecified</pose>", with: "<pose></pose>"), line: 15,
            field: "object[1].pose", fragment: "can't be empty"),
        Broken(label: "truncated is 2", text: base.replacing("<truncated>0</truncated>", with: "<truncated>2</truncated>"),
            line: 16, field: "object[1].truncated", fragment: "must be 0 or 1"),
        Broken(label: "empty difficult", text: base.replacing("<difficult>0</difficult>", with: "<difficult></difficult>"),
            line: 17, field: "object[1].difficult", fragment: "<difficult> can't be empty"),
        Broken(label: "difficult is yes", text: base.replacing("<difficult>0</difficult>", with: "<difficult>yes</difficult>"),
            line: 17, field: "object[1].difficult", fragment: "found 'yes'"),
        Broken(label: "confidence above 1", text: object("<name>a</name>\n<confidence>1.5</confidence>\n<point><x>1</x><y>1</y></point>"),
            line: 15, field: "object[1].confidence", fragment: "confidence must be between 0 and 1, found 1.5"),
        Broken(label: "empty confidence", text: object("<name>a</name>\n<confidence/>\n<point><x>1</x><y>1</y></point>"),
            line: 15, field: "object[1].confidence", fragment: "can't be empty"),
        Broken(label: "negative hard-coefficient",
            text: object("<name>a</name>\n<hard-coefficient>-0.1</hard-coefficient>\n<point><x>1</x><y>1</y></point>"),
            line: 15, field: "object[1].hard-coefficient", fragment: "between 0 and 1"),
        Broken(label: "difficult-coefficient not a number",
            text: object("<name>a</name>\n<difficult-coefficient>high</difficult-coefficient>\n<point><x>1</x><y>1</y></point>"),
            line: 15, field: "object[1].difficult-coefficient", fragment: "'high' is not a number"),
        Broken(label: "hard is maybe", text: object("<name>a</name>\n<hard>maybe</hard>\n<point><x>1</x><y>1</y></point>"),
            line: 15, field: "object[1].hard", fragment: "must be 0 or 1 (or false, true)"),
        Broken(label: "hard reason 31", text: object("<name>a</name>\n<hard-reasons>3-31</hard-reasons>\n<point><x>1</x><y>1</y></point>"),
            line: 15, field: "object[1].hard-reasons", fragment: "not a reason code 0–30"),
        Broken(label: "bad mask color", text: object("<name>a</name>\n<mask_color>1,2</mask_color>\n<point><x>1</x><y>1</y></point>"),
            line: 15, field: "object[1].mask_color", fragment: "R,G,B"),
        Broken(label: "empty simple property",
            text: object("<name>a</name>\n<properties>\n<color></color>\n</properties>\n<point><x>1</x><y>1</y></point>"),
            line: 16, field: "object[1].properties.color", fragment: "property 'color' can't be empty"),
        Broken(label: "property pair without value",
            text: object("<name>a</name>\n<properties>\n<property><key>k</key><v>1</v></property>\n</properties>\n<point><x>1</x><y>1</y></point>"),
            line: 16, field: "object[1].properties.property[1].value", fragment: "missing <value>"),
        Broken(label: "property pair with empty key",
            text: object("<name>a</name>\n<properties><property><key>a</key><value>1</value></property>\n<property><key></key><value>1</value></property></properties>\n<point><x>1</x><y>1</y></point>"),
            line: 16, field: "object[1].properties.property[2].key", fragment: "can't be empty"),
        Broken(label: "second object without name", text: base.replacing("</object>", with: "</object>\n<object><pose>x</pose></object>"),
            line: 25, field: "object[2].name", fragment: "missing <name>"),
    ]

    static let shapes: [Broken] = [
        Broken(label: "no shape", text: object("<name>a</name>"), line: 13, field: "object[1]", fragment: "no shape: expected one of <point>"),
        Broken(label: "two shapes", text: shape("<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox>\n<polygon><x1>1</x1></polygon>"),
            line: 16, field: "object[1]", fragment: "more than one shape: <bndbox> (line 15) and <polygon> (line 16)"),
        Broken(label: "two bndboxes", text: shape("<bndbox><xmin>1</xmin></bndbox>\n<bndbox><xmin>1</xmin></bndbox>"),
            line: 16, field: "object[1]", fragment: "more than one <bndbox> (lines 15 and 16)"),
        Broken(label: "upper-case BndBox", text: shape("<BndBox><xmin>1</xmin></BndBox>"), line: 15, field: "object[1].BndBox",
            fragment: "unknown element <BndBox>"),
        Broken(label: "empty bndbox", text: shape("<bndbox>\n</bndbox>"), line: 15, field: "object[1].bndbox",
            fragment: "<bndbox> can't be empty: expected xmin, ymin, xmax, ymax"),
        Broken(label: "missing ymax", text: shape("<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax></bndbox>"), line: 15,
            field: "object[1].bndbox.ymax", fragment: "missing <ymax>"),
        Broken(label: "duplicate xmin", text: shape("<bndbox>\n<xmin>1</xmin>\n<xmin>1</xmin></bndbox>"), line: 17,
            field: "object[1].bndbox.xmin", fragment: "appears more than once"),
        Broken(label: "bad number", text: base.replacing("<xmin>10</xmin>", with: "<xmin>ten</xmin>"), line: 19,
            field: "object[1].bndbox.xmin", fragment: "'ten' is not a number"),
        Broken(label: "nan coordinate", text: base.replacing("<ymin>20</ymin>", with: "<ymin>nan</ymin>"), line: 20,
            field: "object[1].bndbox.ymin", fragment: "'nan' is not a number"),
        Broken(label: "hex coordinate", text: base.replacing("<ymin>20</ymin>", with: "<ymin>0x14</ymin>"), line: 20,
            field: "object[1].bndbox.ymin", fragment: "is not a number"),
        Broken(label: "infinite coordinate", text: base.replacing("<xmax>110</xmax>", with: "<xmax>1e400</xmax>"), line: 21,
            field: "object[1].bndbox.xmax", fragment: "'1e400' is out of range"),
        Broken(label: "xmin above xmax", text: base.replacing("<xmin>10</xmin>", with: "<xmin>200</xmin>"), line: 18,
            field: "object[1].bndbox.xmin", fragment: "xmin 200 is greater than xmax 110"),
        Broken(label: "ymin above ymax", text: base.replacing("<ymax>220</ymax>", with: "<ymax>19.5</ymax>"), line: 18,
            field: "object[1].bndbox.ymin", fragment: "ymin 20 is greater than ymax 19.5"),
        Broken(label: "point without y", text: shape("<point><x>1</x></point>"), line: 15, field: "object[1].point.y",
            fragment: "missing <y>"),
        Broken(label: "point with both spellings", text: shape("<point><x>1</x><y>1</y><x1>1</x1><y1>1</y1></point>"), line: 15,
            field: "object[1].point", fragment: "either x, y or x1, y1"),
        Broken(label: "line without y2", text: shape("<line><x1>1</x1><y1>1</y1><x2>1</x2></line>"), line: 15,
            field: "object[1].line.y2", fragment: "missing <y2>"),
        Broken(label: "line with a third point", text: shape("<dashed><x1>1</x1><y1>1</y1><x2>1</x2><y2>1</y2><x3>1</x3></dashed>"),
            line: 15, field: "object[1].dashed.x3", fragment: "exactly two points"),
        Broken(label: "negative radius", text: shape("<circle><cx>1</cx><cy>1</cy><r>-2</r></circle>"), line: 15,
            field: "object[1].circle.r", fragment: "radius must not be negative, found -2"),
        Broken(label: "polygon with two points", text: shape("<polygon><x1>1</x1><y1>1</y1><x2>2</x2><y2>2</y2></polygon>"),
            line: 15, field: "object[1].polygon", fragment: "a polygon needs at least 3 points, found 2"),
        Broken(label: "polyline with one point", text: shape("<polyline><x1>1</x1><y1>1</y1></polyline>"), line: 15,
            field: "object[1].polyline", fragment: "a polyline needs at least 2 points, found 1"),
        Broken(label: "x3 without y3", text: shape("<polygon><x1>1</x1><y1>1</y1><x2>2</x2><y2>2</y2><x3>3</x3></polygon>"),
            line: 15, field: "object[1].polygon.y3", fragment: "x3 has no matching y3"),
        Broken(label: "y2 without x2", text: shape("<polyline><x1>1</x1><y1>1</y1><y2>2</y2></polyline>"),
            line: 15, field: "object[1].polyline.x2", fragment: "y2 has no matching x2"),
        Broken(label: "gap in numbering",
            text: shape("<polygon><x1>1</x1><y1>1</y1><x2>2</x2><y2>2</y2><x4>3</x4><y4>3</y4></polygon>"),
            line: 15, field: "object[1].polygon.x3", fragment: "point 3 is missing but point 4 exists"),
        Broken(label: "numbering from zero", text: shape("<polygon><x0>1</x0><y0>1</y0></polygon>"), line: 15,
            field: "object[1].polygon.x0", fragment: "numbered from 1"),
        Broken(label: "duplicate x2", text: shape("<polyline><x1>1</x1><y1>1</y1><x2>2</x2><y2>2</y2><x2>2</x2></polyline>"),
            line: 15, field: "object[1].polyline.x2", fragment: "appears more than once"),
        Broken(label: "empty part", text: shape("<point><x>1</x><y>1</y></point>\n<part></part>"), line: 16,
            field: "object[1].part[1]", fragment: "part can't be empty"),
        Broken(label: "part without shape", text: shape("<point><x>1</x><y>1</y></point>\n<part><name>p</name></part>"), line: 16,
            field: "object[1].part[1]", fragment: "no shape"),
        Broken(label: "part with empty name",
            text: shape("<point><x>1</x><y>1</y></point>\n<part><name>p</name><point><x>1</x><y>1</y></point></part>\n<part>\n<name> </name><point><x>1</x><y>1</y></point></part>"),
            line: 18, field: "object[1].part[2].name", fragment: "can't be empty"),
        Broken(label: "part with two shapes",
            text: shape("<point><x>1</x><y>1</y></point>\n<part><name>p</name><point><x>1</x><y>1</y></point>\n<circle><cx>1</cx><cy>1</cy><r>1</r></circle></part>"),
            line: 17, field: "object[1].part[1]", fragment: "more than one shape: <point> (line 16) and <circle> (line 17)"),
        Broken(label: "nested part",
            text: shape("<point><x>1</x><y>1</y></point>\n<part><name>p</name><point><x>1</x><y>1</y></point>\n<part><name>q</name></part></part>"),
            line: 17, field: "object[1].part[1].part", fragment: "a part inside a part is not supported"),
    ]

    @Test(arguments: header + objects + shapes)
    func refusesBrokenFiles(_ sample: Broken) {
        let error = #expect(throws: CodecError.self) { try VOCCodec.decode(Array(sample.text.utf8), file: "broken.xml") }
        #expect(error?.file == "broken.xml")
        #expect(error?.line == sample.line)
        #expect(error?.field == sample.field)
        #expect(error?.message.contains(sample.fragment) == true, "message: \(error?.message ?? "none")")
    }

    /// Input that is not a VOC file at all.
    @Test(arguments: [
        ("", "not an XML document: the file is empty"),
        ("{\"annotation\": {\"folder\": \"x\"}}", "not an XML document: it looks like JSON"),
        ("\u{0}\u{1}binary", "not an XML document: it looks like binary data"),
        ("folder,filename\nImages,cat.jpg", "not an XML document: expected '<' at the start"),
        (VOCSamples.firstLines(14), "<object> (line 13) is not closed"),
    ])
    func refusesInputThatIsNotVOC(_ text: String, _ fragment: String) {
        let error = #expect(throws: CodecError.self) { try VOCCodec.decode(Array(text.utf8)) }
        #expect(error?.message.contains(fragment) == true, "message: \(error?.message ?? "none")")
    }

    /// Every prefix of a rich VOC file and thousands of random byte edits must throw or decode, never crash.
    @Test func neverCrashesOnDamagedFiles() {
        let document = Array(VOCCodec.encode(VOCAnnotation(
            folder: "f", filename: "n", size: ImageSize(width: 9, height: 9, depth: 3),
            objects: [
                VOCObject(name: "a", confidence: 0.5, hardReasons: [1, 2], maskColor: "1,2,3",
                    shape: .polygon([Point(x: 1, y: 1), Point(x: 2, y: 2), Point(x: 3, y: 1)]),
                    parts: [LabelPart(name: "p", shape: .circle(center: Point(x: 1, y: 1), radius: 1))],
                    properties: [VOCProperty(key: "k", value: "v")]),
                VOCObject(name: "b", shape: .line(Point(x: 0, y: 0), Point(x: 1, y: 1))),
            ]
        )).utf8)
        for length in 0...document.count {
            _ = try? VOCCodec.decode(Array(document[..<length]))
        }
        var generator = SplitMix64(seed: 0xB0C)
        let interesting: [UInt8] = Array("<>&;/-x1y2 \n.e".utf8) + [0x00, 0xFF]
        for _ in 0..<3000 {
            var damaged = document
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let index = Int.random(in: 0..<damaged.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: damaged[index] = interesting.randomElement(using: &generator) ?? 0
                case 1: damaged.remove(at: index)
                default: damaged.insert(interesting.randomElement(using: &generator) ?? 0, at: index)
                }
            }
            _ = try? VOCCodec.decode(damaged)
        }
    }

    @Test func refusesInvalidUTF8WithItsLine() {
        var bytes = Array(VOCSamples.base.utf8)
        let index = bytes.firstIndex(of: UInt8(ascii: "I")) ?? 0  // "Images" on line 2
        bytes[index] = 0xFF
        let error = #expect(throws: CodecError.self) { try VOCCodec.decode(bytes) }
        #expect(error?.line == 2)
        #expect(error?.message.contains("invalid UTF-8") == true)
    }

    // MARK: SDK error fixtures

    /// The SDK's broken files, with the line, field and message fragment expected for each.
    static let sdkErrorFiles: [(String, Int, String?, String)] = [
        ("2007_000027_bndbox_error.xml", 21, "object[1].bndbox", "<bndbox> can't be empty"),
        ("2007_000027_difficult_empty.xml", 19, "object[1].difficult", "<difficult> can't be empty"),
        ("2007_000027_filename_error.xml", 3, "filename", "<filename> can't be empty"),
        ("2007_000027_folder_error.xml", 2, "folder", "<folder> can't be empty"),
        ("2007_000027_object_name_empty.xml", 16, "object[1].name", "<name> can't be empty"),
        ("empty.xml", 1, nil, "not an XML document: the file is empty"),
        ("twoPosition.xml", 37, "object[2]", "more than one shape: <bndbox> (line 31) and <polygon> (line 37)"),
    ]

    @Test(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"), arguments: sdkErrorFiles)
    func refusesTheSDKErrorFixtures(_ name: String, _ line: Int, _ field: String?, _ fragment: String) throws {
        let path = "modelarts-sdk/voc/errorFiles/" + name
        let bytes = try SharedFixtures.bytes(path)
        let error = #expect(throws: CodecError.self) { try VOCCodec.decode(bytes, file: path) }
        #expect(error?.file == path)
        #expect(error?.line == line)
        #expect(error?.field == field)
        #expect(error?.message.contains(fragment) == true, "message: \(error?.message ?? "none")")
    }

    @Test(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"),
        arguments: VOCSamples.fixtureFiles("modelarts-sdk/voc/errorFiles"))
    func refusesEveryFileInErrorFiles(_ path: String) throws {
        let bytes = try SharedFixtures.bytes(path)
        let error = #expect(throws: CodecError.self) { try VOCCodec.decode(bytes, file: path) }
        #expect(error?.line != nil)
        #expect(error?.message.isEmpty == false)
    }
}
