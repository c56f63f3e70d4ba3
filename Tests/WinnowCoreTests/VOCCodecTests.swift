import Foundation
import Testing
import WinnowCore

/// Inline VOC documents shared by the VOC test suites.
enum VOCSamples {
    /// A valid file with one bndbox object. Lines: folder 2, filename 3, source 4, database 5,
    /// size 7, width 8, height 9, depth 10, segmented 12, object 13, name 14, pose 15,
    /// truncated 16, difficult 17, bndbox 18, xmin 19, ymin 20, xmax 21, ymax 22.
    static let base = """
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
                <pose>Unspecified</pose>
                <truncated>0</truncated>
                <difficult>0</difficult>
                <bndbox>
                    <xmin>10</xmin>
                    <ymin>20</ymin>
                    <xmax>110</xmax>
                    <ymax>220</ymax>
                </bndbox>
            </object>
        </annotation>
        """

    /// The header of ``base`` (lines 1–12) followed by one object whose inner lines start on line 14.
    static func withObject(_ inner: String) -> String {
        firstLines(12) + "\n    <object>\n" + inner + "\n    </object>\n</annotation>\n"
    }

    /// The first `count` lines of ``base``.
    static func firstLines(_ count: Int) -> String {
        base.split(separator: "\n", omittingEmptySubsequences: false).prefix(count).joined(separator: "\n")
    }

    /// The bytes of `text`.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The `.xml` files of a shared fixture folder, as paths relative to `fixtures/`.
    static func fixtureFiles(_ folder: String) -> [String] {
        guard let directory = SharedFixtures.directory else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { folder + "/" + $0 }
    }
}

@Suite struct VOCCodecTests {
    private func decode(_ text: String) throws(CodecError) -> VOCAnnotation {
        try VOCCodec.decode(VOCSamples.bytes(text), file: "inline.xml")
    }

    private func shape(_ inner: String) throws -> Shape {
        let annotation = try decode(VOCSamples.withObject("        <name>x</name>\n" + inner))
        return try #require(annotation.objects.first).shape
    }

    // MARK: ModelArts SDK fixtures

    @Test(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"),
        arguments: VOCSamples.fixtureFiles("modelarts-sdk/voc"))
    func acceptsEverySDKFixture(_ path: String) throws {
        let annotation = try VOCCodec.decode(try SharedFixtures.bytes(path), file: path)
        #expect(!annotation.filename.isEmpty)
        #expect(!annotation.objects.isEmpty)
    }

    @Test(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"),
        arguments: VOCSamples.fixtureFiles("faces-detection/train/annotations"))
    func acceptsFaceDetectionAnnotations(_ path: String) throws {
        let annotation = try VOCCodec.decode(try SharedFixtures.bytes(path), file: path)
        #expect(annotation.objects.allSatisfy { $0.name == "face" && $0.shape.kind == "bndbox" })
    }

    @Test(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"))
    func readsThePascalVOCPersonWithParts() throws {
        let voc = try VOCCodec.decode(try SharedFixtures.bytes("modelarts-sdk/voc/2007_000027.xml"))
        #expect(voc.folder == "VOC2012")
        #expect(voc.filename == "2007_000027.jpg")
        #expect(voc.sourceDatabase == "The VOC2007 Database")
        #expect(voc.sourceAnnotation == "PASCAL VOC2007")
        #expect(voc.sourceImage == "flickr")
        #expect(voc.size == ImageSize(width: 486, height: 500, depth: 3))
        #expect(voc.segmented == false)
        #expect(voc.objects.count == 1)
        let person = try #require(voc.objects.first)
        #expect(person.name == "person")
        #expect(person.pose == "Unspecified")
        #expect(!person.truncated && !person.occluded && !person.difficult)
        #expect(person.confidence == 0.8)
        #expect(person.shape == .bndbox(xmin: 174, ymin: 101, xmax: 349, ymax: 351))
        #expect(person.parts == [
            LabelPart(name: "head", confidence: 0.8, shape: .bndbox(xmin: 169, ymin: 104, xmax: 209, ymax: 146)),
            LabelPart(name: "hand", shape: .bndbox(xmin: 278, ymin: 210, xmax: 297, ymax: 233)),
            LabelPart(name: "foot", shape: .bndbox(xmin: 273, ymin: 333, xmax: 297, ymax: 354)),
            LabelPart(name: "foot", shape: .bndbox(xmin: 319, ymin: 307, xmax: 340, ymax: 326)),
        ])
    }

    @Test(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"))
    func readsLabelPropertiesWithChineseKeys() throws {
        let voc = try VOCCodec.decode(try SharedFixtures.bytes("modelarts-sdk/voc/labelProperties.xml"))
        #expect(voc.objects.map(\.name) == ["labelProperties", "big", "labelProperties3", "labelProperties2", "labelProperties4", "small"])
        #expect(voc.objects[0].properties == [
            VOCProperty(key: "color", value: "green"),
            VOCProperty(key: "属性", value: "绿色"),
            VOCProperty(key: "property", value: "value"),
            VOCProperty(key: "color2", value: "blue"),
            VOCProperty(key: "颜色2", value: "蓝色"),
        ])
        #expect(voc.objects[0].pose == "0")
        #expect(voc.objects[1].properties.isEmpty)
        #expect(voc.objects[2].properties == [VOCProperty(key: "颜色", value: "红色")])
        #expect(voc.objects[2].shape == .polygon([
            Point(x: 202, y: 293), Point(x: 199, y: 308), Point(x: 211, y: 319), Point(x: 230, y: 311),
            Point(x: 226, y: 293), Point(x: 210, y: 287), Point(x: 202, y: 293),
        ]))
        #expect(voc.objects[4].properties == [VOCProperty(key: "color2", value: "blue")])
    }

    @Test(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"))
    func readsEmptyPropertiesAsNone() throws {
        let voc = try VOCCodec.decode(try SharedFixtures.bytes("modelarts-sdk/voc/labelPropertiesEmpty.xml"))
        #expect(voc.objects.count == 5)
        #expect(voc.objects[0].properties.isEmpty)
        #expect(voc.objects[0].shape == .bndbox(xmin: 199, ymin: 356, xmax: 230, ymax: 385))
    }

    @Test(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"))
    func readsAPolyline() throws {
        let voc = try VOCCodec.decode(try SharedFixtures.bytes("modelarts-sdk/voc/polyline.xml"))
        let object = try #require(voc.objects.first { $0.name == "labelProperties3" })
        guard case .polyline(let points) = object.shape else {
            Issue.record("expected a polyline, got \(object.shape)")
            return
        }
        #expect(points.count == 7)
        #expect(points.first == Point(x: 202, y: 293))
        #expect(points.last == Point(x: 202, y: 293))
        #expect(points[3] == Point(x: 230, y: 311))
    }

    @Test(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"))
    func readsSDKWrittenFiles() throws {
        let test = try VOCCodec.decode(try SharedFixtures.bytes("modelarts-sdk/voc/test.xml"))
        #expect(test.path == "tests/test.512.512.bmp")
        #expect(test.size == ImageSize(width: 512, height: 512, depth: 1))
        #expect(test.objects.map(\.name) == ["person", "face"])
        #expect(test.objects.allSatisfy { $0.difficult && !$0.truncated })
        #expect(test.objects[1].shape == .bndbox(xmin: 113, ymin: 40, xmax: 450, ymax: 403))

        let lights = try VOCCodec.decode(try SharedFixtures.bytes("modelarts-sdk/voc/000000089955_1556180702627.xml"))
        #expect(lights.size == ImageSize(width: 640, height: 321, depth: 3))
        #expect(lights.objects.map(\.shape) == [
            .bndbox(xmin: 347, ymin: 186, xmax: 382, ymax: 249), .bndbox(xmin: 544, ymin: 50, xmax: 591, ymax: 149),
        ])
    }

    // MARK: Inline documents

    @Test func readsTheBaseSample() throws {
        let voc = try decode(VOCSamples.base)
        #expect(voc == VOCAnnotation(
            folder: "Images", filename: "cat.jpg", size: ImageSize(width: 640, height: 480, depth: 3),
            objects: [VOCObject(name: "cat", shape: .bndbox(xmin: 10, ymin: 20, xmax: 110, ymax: 220))]
        ))
    }

    @Test func readsEveryShapeKind() throws {
        #expect(try shape("<point><x>1</x><y>2</y></point>") == .point(Point(x: 1, y: 2)))
        #expect(try shape("<point><x1>3</x1><y1>4</y1></point>") == .point(Point(x: 3, y: 4)))
        #expect(try shape("<line><x1>1</x1><y1>2</y1><x2>3</x2><y2>4</y2></line>")
            == .line(Point(x: 1, y: 2), Point(x: 3, y: 4)))
        #expect(try shape("<dashed><x1>5</x1><y1>6</y1><x2>7</x2><y2>8</y2></dashed>")
            == .dashed(Point(x: 5, y: 6), Point(x: 7, y: 8)))
        #expect(try shape("<circle><cx>61</cx><cy>204</cy><r>5</r></circle>")
            == .circle(center: Point(x: 61, y: 204), radius: 5))
        #expect(try shape("<polygon><x1>0</x1><y1>0</y1><x2>4</x2><y2>0</y2><x3>4</x3><y3>3</y3></polygon>")
            == .polygon([Point(x: 0, y: 0), Point(x: 4, y: 0), Point(x: 4, y: 3)]))
        #expect(try shape("<polyline><x1>1</x1><y1>1</y1><x2>2</x2><y2>2</y2></polyline>")
            == .polyline([Point(x: 1, y: 1), Point(x: 2, y: 2)]))
    }

    @Test func ordersPolygonPointsByTheirNumbers() throws {
        let polygon = try shape("<polygon><y2>0</y2><x3>4</x3><x1>0</x1><y3>3</y3><y1>0</y1><x2>4</x2></polygon>")
        #expect(polygon == .polygon([Point(x: 0, y: 0), Point(x: 4, y: 0), Point(x: 4, y: 3)]))
    }

    @Test func acceptsFractionsNegativesAndCoordinatesOutsideTheImage() throws {
        #expect(try shape("<bndbox><xmin>-5.5</xmin><ymin>.5</ymin><xmax>5000</xmax><ymax>1e3</ymax></bndbox>")
            == .bndbox(xmin: -5.5, ymin: 0.5, xmax: 5000, ymax: 1000))
        #expect(try shape("<bndbox><xmin>7</xmin><ymin>7</ymin><xmax>7</xmax><ymax>7</ymax></bndbox>")
            == .bndbox(xmin: 7, ymin: 7, xmax: 7, ymax: 7))
        #expect(try shape("<circle><cx>1</cx><cy>1</cy><r>0</r></circle>") == .circle(center: Point(x: 1, y: 1), radius: 0))
    }

    @Test func trimsWhitespaceAroundValues() throws {
        let voc = try decode(VOCSamples.base
            .replacing("<name>cat</name>", with: "<name>\n            cat\n        </name>")
            .replacing("<xmin>10</xmin>", with: "<xmin> 10 </xmin>")
            .replacing("<width>640</width>", with: "<width>\t640\n</width>"))
        #expect(voc.objects.first?.name == "cat")
        #expect(voc.size.width == 640)
        #expect(voc.objects.first?.shape == .bndbox(xmin: 10, ymin: 20, xmax: 110, ymax: 220))
    }

    @Test func readsMissingFlagsAsZero() throws {
        let voc = try decode(VOCSamples.withObject("""
                    <name>dog</name>
                    <occluded>1</occluded>
                    <point><x>1</x><y>2</y></point>
            """))
        let dog = try #require(voc.objects.first)
        #expect(!dog.truncated && dog.occluded && !dog.difficult)
        #expect(dog.pose == nil)
    }

    @Test func readsDepthZeroAsUnknown() throws {
        let voc = try decode(VOCSamples.base.replacing("<depth>3</depth>", with: "<depth>0</depth>"))
        #expect(voc.size == ImageSize(width: 640, height: 480, depth: nil))
    }

    @Test func readsOptionalHeaderFields() throws {
        let voc = try decode(VOCSamples.base
            .replacing("<filename>cat.jpg</filename>", with: "<filename>cat.jpg</filename><path>/data/cat.jpg</path>")
            .replacing("<database>Unknown</database>", with: "<database>Unknown</database><annotation></annotation><image>flickr</image>")
            .replacing("<segmented>0</segmented>", with: "<segmented>1</segmented><mask_source>obs://b/m.png</mask_source>"))
        #expect(voc.path == "/data/cat.jpg")
        #expect(voc.sourceAnnotation == nil)
        #expect(voc.sourceImage == "flickr")
        #expect(voc.segmented)
        #expect(voc.maskSource == "obs://b/m.png")
    }

    @Test func readsHardExampleAndSegmentationFields() throws {
        let voc = try decode(VOCSamples.withObject("""
                    <name>cat</name>
                    <confidence>0.25</confidence>
                    <hard>1</hard>
                    <hard-coefficient>0.75</hard-coefficient>
                    <hard-reasons>20-3-21</hard-reasons>
                    <difficult-coefficient>1</difficult-coefficient>
                    <mask_color>193,120,87</mask_color>
                    <bndbox><xmin>1</xmin><ymin>2</ymin><xmax>3</xmax><ymax>4</ymax></bndbox>
            """))
        let cat = try #require(voc.objects.first)
        #expect(cat.confidence == 0.25)
        #expect(cat.hard == true)
        #expect(cat.hardCoefficient == 0.75)
        #expect(cat.hardReasons == [3, 20, 21])
        #expect(cat.difficultCoefficient == 1)
        #expect(cat.maskColor == "193,120,87")
        let words = try decode(VOCSamples.withObject(
            "<name>a</name><hard>false</hard><hard-reasons></hard-reasons><point><x>1</x><y>1</y></point>"))
        #expect(words.objects.first?.hard == false)
        #expect(words.objects.first?.hardReasons == [])
    }

    @Test func readsPropertiesInDocumentOrder() throws {
        let voc = try decode(VOCSamples.withObject("""
                    <name>car</name>
                    <properties>
                        <property><key>@modelarts:clockwise_angle</key><value>90</value></property>
                        <color>red</color>
                        <property>plain</property>
                        <property><key>color</key><value>a &amp; b</value></property>
                    </properties>
                    <point><x>1</x><y>1</y></point>
            """))
        #expect(voc.objects.first?.properties == [
            VOCProperty(key: "@modelarts:clockwise_angle", value: "90"),
            VOCProperty(key: "color", value: "red"),
            VOCProperty(key: "property", value: "plain"),
            VOCProperty(key: "color", value: "a & b"),
        ])
    }

    @Test func ignoresUnknownElementsLikeTheSDK() throws {
        let voc = try decode(VOCSamples.base
            .replacing("<segmented>0</segmented>", with: "<segmented>0</segmented><owner><name>me</name></owner>")
            .replacing("<pose>Unspecified</pose>", with: "<pose>Unspecified</pose><attributes><a>1</a></attributes>")
            .replacing("<xmin>10</xmin>", with: "<xmin>10</xmin><note>ignored</note>"))
        #expect(voc.objects.first?.shape == .bndbox(xmin: 10, ymin: 20, xmax: 110, ymax: 220))
    }

    @Test func acceptsAFileWithoutObjects() throws {
        let voc = try decode(VOCSamples.firstLines(12) + "\n</annotation>")
        #expect(voc.objects.isEmpty)
    }

    @Test func readsPartsWithTheirShapes() throws {
        let voc = try decode(VOCSamples.withObject("""
                    <name>person</name>
                    <bndbox><xmin>0</xmin><ymin>0</ymin><xmax>100</xmax><ymax>100</ymax></bndbox>
                    <part><name>eye</name><pose>Left</pose><point><x>10</x><y>10</y></point></part>
                    <part><name>arm</name><confidence>0.5</confidence><polyline><x1>1</x1><y1>1</y1><x2>5</x2><y2>5</y2></polyline></part>
            """))
        #expect(voc.objects.first?.parts == [
            LabelPart(name: "eye", shape: .point(Point(x: 10, y: 10))),
            LabelPart(name: "arm", confidence: 0.5, shape: .polyline([Point(x: 1, y: 1), Point(x: 5, y: 5)])),
        ])
    }
}
