import Testing
import WinnowCore

@Suite struct VOCCodecEncodingTests {
    private func roundTrip(_ annotation: VOCAnnotation) throws -> VOCAnnotation {
        try VOCCodec.decode(Array(VOCCodec.encode(annotation).utf8))
    }

    private static func annotation(_ objects: [VOCObject]) -> VOCAnnotation {
        VOCAnnotation(folder: "Images", filename: "cat.jpg", size: ImageSize(width: 640, height: 480, depth: 3), objects: objects)
    }

    @Test func writesTheModelArtsLayout() {
        let annotation = VOCAnnotation(
            folder: "Images",
            filename: "cat.jpg",
            size: ImageSize(width: 640, height: 480, depth: 3),
            objects: [
                VOCObject(
                    name: "cat",
                    confidence: 0.8,
                    shape: .bndbox(xmin: 174, ymin: 101, xmax: 349.5, ymax: 351),
                    parts: [LabelPart(name: "head", shape: .point(Point(x: 1, y: 2)))],
                    properties: [VOCProperty(key: "color", value: "green")]
                )
            ]
        )
        #expect(VOCCodec.encode(annotation) == """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <annotation>
                <folder>Images</folder>
                <filename>cat.jpg</filename>
                <source>
                    <database>Unknown</database>
                </source>
                <size>
                    <width>640</width>
                    <height>480</height>
                    <depth>3</depth>
                </size>
                <segmented>0</segmented>
                <object>
                    <name>cat</name>
                    <properties>
                        <property>
                            <key>color</key>
                            <value>green</value>
                        </property>
                    </properties>
                    <pose>Unspecified</pose>
                    <truncated>0</truncated>
                    <occluded>0</occluded>
                    <difficult>0</difficult>
                    <confidence>0.8</confidence>
                    <bndbox>
                        <xmin>174</xmin>
                        <ymin>101</ymin>
                        <xmax>349.5</xmax>
                        <ymax>351</ymax>
                    </bndbox>
                    <part>
                        <name>head</name>
                        <point>
                            <x>1</x>
                            <y>2</y>
                        </point>
                    </part>
                </object>
            </annotation>

            """)
    }

    @Test func writesShapesAsTheSDKDoes() {
        let text = VOCCodec.encode(Self.annotation([
            VOCObject(name: "l", shape: .line(Point(x: 1, y: 2), Point(x: 3, y: 4))),
            VOCObject(name: "c", shape: .circle(center: Point(x: 5, y: 6), radius: 7)),
            VOCObject(name: "p", shape: .polygon([Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1)])),
        ]))
        #expect(text.contains("<line>\n            <x1>1</x1>\n            <y1>2</y1>\n            <x2>3</x2>\n            <y2>4</y2>\n        </line>"))
        #expect(text.contains("<circle>\n            <cx>5</cx>\n            <cy>6</cy>\n            <r>7</r>\n        </circle>"))
        #expect(text.contains("<x3>1</x3>\n            <y3>1</y3>\n        </polygon>"))
    }

    @Test(arguments: [
        (174.0, "174"), (0, "0"), (-0.0, "0"), (-3, "-3"), (0.1, "0.1"), (349.5, "349.5"), (1e-05, "1e-05"),
        (1.0 / 3.0, "0.3333333333333333"), (123456789012.0, "123456789012"), (1e20, "1e+20"),
    ])
    func writesNumbersShortest(_ value: Double, _ expected: String) throws {
        let text = VOCCodec.encode(Self.annotation([VOCObject(name: "p", shape: .point(Point(x: value, y: 0)))]))
        #expect(text.contains("<x>\(expected)</x>"))
        let decoded = try roundTrip(Self.annotation([VOCObject(name: "p", shape: .point(Point(x: value, y: 0)))]))
        #expect(decoded.objects.first?.shape == .point(Point(x: value, y: 0)))
    }

    @Test func escapesText() throws {
        let annotation = VOCAnnotation(
            folder: "a & b", filename: "<cat>.jpg", sourceDatabase: "x]]>y", size: ImageSize(width: 1, height: 1),
            objects: [VOCObject(name: "\"q\" 'a' \r\n\t中", shape: .point(Point(x: 0, y: 0)),
                properties: [VOCProperty(key: "k<1>", value: "v&2")])]
        )
        let text = VOCCodec.encode(annotation)
        #expect(text.contains("<folder>a &amp; b</folder>"))
        #expect(text.contains("<filename>&lt;cat&gt;.jpg</filename>"))
        #expect(text.contains("<database>x]]&gt;y</database>"))
        #expect(text.contains("<key>k&lt;1&gt;</key>"))
        #expect(try roundTrip(annotation) == annotation)
    }

    @Test func replacesCharactersXMLCannotHold() throws {
        let annotation = Self.annotation([VOCObject(name: "a\u{0}b\u{1B}c\u{FFFE}", shape: .point(Point(x: 0, y: 0)))])
        let decoded = try roundTrip(annotation)
        #expect(decoded.objects.first?.name == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    }

    @Test func leavesOutEmptyOptionalTextAndWritesUnknownDepthAsZero() throws {
        let annotation = VOCAnnotation(folder: "f", filename: "n", path: "", sourceImage: "", size: ImageSize(width: 2, height: 3))
        let text = VOCCodec.encode(annotation)
        #expect(!text.contains("<path>"))
        #expect(!text.contains("<image>"))
        #expect(text.contains("<depth>0</depth>"))
        #expect(try roundTrip(annotation) == VOCAnnotation(folder: "f", filename: "n", size: ImageSize(width: 2, height: 3)))
    }

    static let everyShape: [Shape] = [
        .point(Point(x: 1, y: 2)),
        .line(Point(x: 1, y: 2), Point(x: 3.25, y: 4)),
        .dashed(Point(x: -1, y: 0), Point(x: 3, y: 1e-3)),
        .bndbox(xmin: 0.5, ymin: 1, xmax: 2, ymax: 3),
        .polygon([Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 10, y: 10), Point(x: 0, y: 10.75)]),
        .polyline([Point(x: 5, y: 5), Point(x: 6, y: 7)]),
        .circle(center: Point(x: 61, y: 204), radius: 5.5),
    ]

    @Test(arguments: everyShape)
    func roundTripsEveryShapeInObjectsAndParts(_ shape: Shape) throws {
        let annotation = Self.annotation([
            VOCObject(name: shape.kind, shape: shape, parts: [LabelPart(name: "part", confidence: 0.5, shape: shape)])
        ])
        #expect(try roundTrip(annotation) == annotation)
    }

    @Test func roundTripsEveryField() throws {
        let annotation = VOCAnnotation(
            folder: "VOC2012", filename: "2007_000027.jpg", path: "/data/2007_000027.jpg", sourceDatabase: "The VOC2007 Database",
            sourceAnnotation: "PASCAL VOC2007", sourceImage: "flickr", size: ImageSize(width: 486, height: 500, depth: 3),
            segmented: true, maskSource: "obs://bucket/mask.png",
            objects: [
                VOCObject(
                    name: "person", pose: "Left", truncated: true, occluded: true, difficult: true, confidence: 0.9,
                    hardCoefficient: 0.25, difficultCoefficient: 1, hard: true, hardReasons: [3, 19, 20], maskColor: "193,120,87",
                    shape: .bndbox(xmin: 174, ymin: 101, xmax: 349, ymax: 351),
                    parts: [LabelPart(name: "head", confidence: 0.8, shape: .bndbox(xmin: 169, ymin: 104, xmax: 209, ymax: 146))],
                    properties: [VOCProperty(key: "颜色", value: "红色"), VOCProperty(key: "@modelarts:shortcut", value: "1")]
                ),
                VOCObject(name: "empty reasons", pose: nil, hard: false, hardReasons: [], shape: .point(Point(x: 0, y: 0))),
            ]
        )
        #expect(try roundTrip(annotation) == annotation)
    }

    @Test(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"),
        arguments: VOCSamples.fixtureFiles("modelarts-sdk/voc"))
    func roundTripsTheSDKFixtures(_ path: String) throws {
        let decoded = try VOCCodec.decode(try SharedFixtures.bytes(path))
        #expect(try roundTrip(decoded) == decoded)
    }

    /// Hundreds of random annotations, from a seeded generator, come back equal.
    @Test func roundTripsRandomAnnotations() throws {
        var generator = SplitMix64(seed: 20_240_601)
        for _ in 0..<300 {
            let annotation = RandomVOC.annotation(using: &generator)
            let decoded = try roundTrip(annotation)
            #expect(decoded == annotation)
            if decoded != annotation { break }
        }
    }
}

/// Random valid annotations for round-trip tests.
enum RandomVOC {
    private static let alphabet = Array("abcXYZ019 _-.,:;!&<>\"'/\\中文属性é😀\t\n\r]") + ["\u{301}"]

    /// A non-empty string without surrounding whitespace.
    static func text(using generator: inout SplitMix64) -> String {
        let count = Int.random(in: 1...12, using: &generator)
        let raw = String((0..<count).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
        // The decoder trims XML whitespace, so the generated text must not start or end with it.
        let blank: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r"]
        var scalars = Array(raw.unicodeScalars)
        while let first = scalars.first, blank.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, blank.contains(last) { scalars.removeLast() }
        return scalars.isEmpty ? "x" : String(String.UnicodeScalarView(scalars))
    }

    static func number(using generator: inout SplitMix64) -> Double {
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: Double(Int.random(in: -50...5000, using: &generator))
        case 1: Double.random(in: -100...5000, using: &generator)
        default: Double(Int.random(in: 0...100_000, using: &generator)) / 8
        }
    }

    static func unit(using generator: inout SplitMix64) -> Double? {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: nil
        case 1: 0
        case 2: 1
        default: Double.random(in: 0...1, using: &generator)
        }
    }

    static func point(using generator: inout SplitMix64) -> Point {
        Point(x: number(using: &generator), y: number(using: &generator))
    }

    static func shape(using generator: inout SplitMix64) -> Shape {
        switch Int.random(in: 0..<7, using: &generator) {
        case 0: return .point(point(using: &generator))
        case 1: return .line(point(using: &generator), point(using: &generator))
        case 2: return .dashed(point(using: &generator), point(using: &generator))
        case 3:
            let xs = [number(using: &generator), number(using: &generator)].sorted()
            let ys = [number(using: &generator), number(using: &generator)].sorted()
            return .bndbox(xmin: xs[0], ymin: ys[0], xmax: xs[1], ymax: ys[1])
        case 4: return .polygon((0..<Int.random(in: 3...12, using: &generator)).map { _ in point(using: &generator) })
        case 5: return .polyline((0..<Int.random(in: 2...12, using: &generator)).map { _ in point(using: &generator) })
        default: return .circle(center: point(using: &generator), radius: abs(number(using: &generator)))
        }
    }

    static func optionalText(using generator: inout SplitMix64) -> String? {
        Bool.random(using: &generator) ? text(using: &generator) : nil
    }

    static func object(using generator: inout SplitMix64) -> VOCObject {
        let reasons = Bool.random(using: &generator)
            ? (0...30).filter { _ in Int.random(in: 0..<8, using: &generator) == 0 } : nil
        let color = Bool.random(using: &generator)
            ? (0..<3).map { _ in String(Int.random(in: 0...255, using: &generator)) }.joined(separator: ",") : nil
        return VOCObject(
            name: text(using: &generator),
            pose: optionalText(using: &generator),
            truncated: Bool.random(using: &generator),
            occluded: Bool.random(using: &generator),
            difficult: Bool.random(using: &generator),
            confidence: unit(using: &generator),
            hardCoefficient: unit(using: &generator),
            difficultCoefficient: unit(using: &generator),
            hard: [nil, true, false].randomElement(using: &generator) ?? nil,
            hardReasons: reasons,
            maskColor: color,
            shape: shape(using: &generator),
            parts: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                LabelPart(name: text(using: &generator), confidence: unit(using: &generator), shape: shape(using: &generator))
            },
            properties: (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                VOCProperty(key: text(using: &generator), value: text(using: &generator))
            }
        )
    }

    static func annotation(using generator: inout SplitMix64) -> VOCAnnotation {
        VOCAnnotation(
            folder: text(using: &generator),
            filename: text(using: &generator),
            path: optionalText(using: &generator),
            sourceDatabase: text(using: &generator),
            sourceAnnotation: optionalText(using: &generator),
            sourceImage: optionalText(using: &generator),
            size: ImageSize(
                width: Int.random(in: 1...10_000, using: &generator),
                height: Int.random(in: 1...10_000, using: &generator),
                depth: [nil, 1, 3, 4].randomElement(using: &generator) ?? nil
            ),
            segmented: Bool.random(using: &generator),
            maskSource: optionalText(using: &generator),
            objects: (0..<Int.random(in: 0...4, using: &generator)).map { _ in object(using: &generator) }
        )
    }
}
