import Testing
import WinnowCore
@testable import WinnowStore
import WinnowTesting

/// The stored label text: written directly, it must equal the dictionary-based reference byte for byte
/// and read back as the same labels.
@Suite struct StoredJSONTests {
    static let labels: [Label] = ConformanceFixtures.richSample(datasetID: "d", source: "/a.jpg").labels + [
        Label(type: .imageClassification, name: "cat"),
        Label(type: .imageClassification, name: "quote \" back\\slash \u{1} tab\t", confidence: 0.125, hard: false),
        Label(type: .objectDetection, name: "box", shape: .bndbox(xmin: 0, ymin: 0, xmax: 1e-7, ymax: 3), occluded: true),
    ]

    @Test(arguments: labels) func directWriterMatchesReference(label: Label) throws {
        let written = StoredJSON.encode([label])
        let reference = "[" + JSONWriter.serialize(StoredJSON.value(of: label)) + "]"
        #expect(written == reference)
        #expect(try StoredJSON.decodeLabels(written) == [label])
    }

    @Test func severalLabelsAreCommaSeparated() throws {
        let text = StoredJSON.encode(Self.labels)
        #expect(text == JSONWriter.serialize(.array(Self.labels.map(StoredJSON.value(of:)))))
        #expect(try StoredJSON.decodeLabels(text) == Self.labels)
        #expect(StoredJSON.encode([]) == "[]")
    }
}
