import Foundation
import Testing
import WinnowCore
import WinnowEngine
import WinnowObjects
import WinnowStore

@Suite struct DatasetImporterTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    func makeStore(type: LabelingType = .imageClassification) async throws -> (MemoryMetadataStore, Dataset) {
        let store = MemoryMetadataStore()
        let dataset = try await store.createDataset(Dataset(name: "d", labelingType: type))
        return (store, dataset)
    }

    @Test func statesFollowConfirmationAndHardFlags() async throws {
        let (store, dataset) = try await makeStore()
        let path = try write("m.manifest", """
            {"source":"a.jpg","annotation":[{"type":"modelarts/image_classification","name":"cat","annotated-by":"human"}]}
            {"source":"b.jpg","annotation":[{"type":"modelarts/image_classification","name":"cat","annotated-by":"modelarts/active-learning","confidence":0.4}]}
            {"source":"c.jpg","hard":"true","hard-coefficient":0.7,"hard-reasons":"1-30"}
            {"source":"d.jpg"}
            {"source":"e.jpg","hard":true,"annotation":[{"type":"modelarts/image_classification","name":"dog"}]}
            """)
        let report = try await DatasetImporter(store: store, reader: StandardResourceReader()).importManifest(at: path, into: dataset)
        #expect(report.outcome.inserted == 5)
        let bySource = Dictionary(uniqueKeysWithValues: await store.listSamples(SampleQuery(datasetID: dataset.id)).map { ($0.source.split(separator: "/").last!, $0) })
        #expect(bySource["a.jpg"]?.state == .labeled)
        #expect(bySource["b.jpg"]?.state == .toBeConfirmed)
        #expect(bySource["c.jpg"]?.state == .toBeConfirmed)
        #expect(bySource["c.jpg"]?.hardExample == HardExampleInfo(
            isHard: true, coefficient: 0.7, reasons: [1, 30],
            details: [HardReasonDetail(reason: 1, suggestion: HardReason.catalogue[1].suggestion), HardReasonDetail(reason: 30, suggestion: HardReason.catalogue[30].suggestion)]))
        #expect(bySource["d.jpg"]?.state == .unlabeled)
        #expect(bySource["e.jpg"]?.state == .labeled)
        #expect(bySource["e.jpg"]?.isHard == true)
        #expect(bySource["a.jpg"]?.source == directory.appendingPathComponent("a.jpg").path)
    }

    @Test func detectionLabelsComeFromTheVOCFiles() async throws {
        let (store, dataset) = try await makeStore(type: .objectDetection)
        _ = try write("ann/x.xml", """
            <annotation><folder>f</folder><filename>x.jpg</filename><source><database>Unknown</database></source>
            <size><width>100</width><height>80</height><depth>3</depth></size><segmented>0</segmented>
            <object><name>car</name><pose>Unspecified</pose><truncated>0</truncated><occluded>0</occluded><difficult>1</difficult>
            <bndbox><xmin>1</xmin><ymin>2</ymin><xmax>30</xmax><ymax>40</ymax></bndbox></object></annotation>
            """)
        let path = try write("m.manifest", """
            {"source":"x.jpg","annotation":[{"type":"modelarts/object_detection","annotation-loc":"./ann/x.xml","annotated-by":"human"},{"type":"modelarts/image_classification","name":"street"}]}
            """)
        let report = try await DatasetImporter(store: store, reader: StandardResourceReader()).importManifest(at: path, into: dataset)
        #expect(report.ignoredAnnotations == 1)
        let sample = try #require(try await store.listSamples(SampleQuery(datasetID: dataset.id)).first)
        #expect(sample.state == .labeled)
        #expect(sample.imageSize == ImageSize(width: 100, height: 80, depth: 3))
        #expect(sample.labels.map(\.name) == ["car"])
        #expect(sample.labels.first?.shape == .bndbox(xmin: 1, ymin: 2, xmax: 30, ymax: 40))
        #expect(sample.labels.first?.difficult == true)
    }

    @Test func aMissingAnnotationFileNamesLineAndFieldAndImportsNothing() async throws {
        let (store, dataset) = try await makeStore(type: .objectDetection)
        let path = try write("m.manifest", """
            {"source":"x.jpg"}

            {"source":"y.jpg","annotation":[{"type":"modelarts/object_detection","annotation-loc":"./nope.xml"}]}
            """)
        let error = await #expect(throws: EngineError.self) {
            try await DatasetImporter(store: store, reader: StandardResourceReader()).importManifest(at: path, into: dataset)
        }
        let problem = try #require(error?.problems.first)
        #expect(problem.line == 3)
        #expect(problem.field == "annotation[0].annotation-loc")
        #expect(problem.message.contains("nope.xml"))
        #expect(try await store.countSamples(SampleQuery(datasetID: dataset.id)) == 0)
        #expect(try await store.pendingImports().isEmpty)
    }

    @Test func invalidUTF8AndOverlongLinesAreReportedWithTheirLine() async throws {
        let (store, dataset) = try await makeStore()
        var bytes = Array(#"{"source":"ok.jpg"}"#.utf8) + [0x0A]
        bytes += Array(#"{"source":"bad"#.utf8) + [0xFF, 0xFE] + Array(#".jpg"}"#.utf8) + [0x0A]
        let path = try write("utf8.manifest", bytes)
        let error = await #expect(throws: EngineError.self) {
            try await DatasetImporter(store: store, reader: StandardResourceReader()).importManifest(at: path, into: dataset)
        }
        #expect(error?.problems.first?.line == 2)
        #expect(error?.problems.first?.file == path)

        let long = try write("long.manifest", #"{"source":"a.jpg"}"# + "\n" + #"{"source":""# + String(repeating: "x", count: 17 * 1024 * 1024) + "\"}\n")
        let longError = await #expect(throws: EngineError.self) {
            try await DatasetImporter(store: store, reader: StandardResourceReader()).importManifest(at: long, into: dataset)
        }
        #expect(longError?.problems.first?.line == 2)
        #expect(try await store.countSamples(SampleQuery(datasetID: dataset.id)) == 0)
    }

    @Test func skipInvalidImportsTheValidLines() async throws {
        let (store, dataset) = try await makeStore()
        let path = try write("m.manifest", """
            {"source":"a.jpg"}
            not json
            {"annotation":[]}
            {"source":"b.jpg","annotation":[{"type":"modelarts/unknown_type","name":"x"}]}
            {"source":"c.jpg"}
            """)
        let report = try await DatasetImporter(store: store, reader: StandardResourceReader())
            .importManifest(at: path, into: dataset, options: .init(skipInvalid: true))
        #expect(report.outcome.inserted == 2)
        #expect(report.invalidLines == 3)
        #expect(report.problems.map(\.line) == [2, 3, 4])
        #expect(report.problems[1].field == "source")
        #expect(report.problems[2].field == "annotation[0].type")
    }

    @Test func aMissingManifestIsAClearError() async throws {
        let (store, dataset) = try await makeStore()
        let error = await #expect(throws: EngineError.self) {
            try await DatasetImporter(store: store, reader: StandardResourceReader()).importManifest(at: directory.appendingPathComponent("none.manifest").path, into: dataset)
        }
        #expect(error?.message.contains("does not exist") == true)
        #expect(try await store.pendingImports().isEmpty)
    }
}
