import AsyncHTTPClient
import Foundation
import Testing
import WinnowCore
import WinnowEngine
import WinnowObjects
import WinnowObjectsS3
import WinnowStore

/// A batch service whose input is an `s3://bucket/prefix`: deployed and run with the example model,
/// against the S3 test server (skipped without one).
@Suite(.enabled(if: S3TestServer.isConfigured, S3TestServer.skipReason))
struct S3BatchInputTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The example instant model, registered in `services`.
    static func registerInstantModel(in services: MemoryServiceStore) async throws -> ModelSpec {
        let directory = repository + "/examples/models/instant"
        let spec = try ModelSpec(from: try JSONParser.parse(try String(contentsOfFile: directory + "/spec.json", encoding: .utf8)), directory: directory)
        try await services.registerModel(RegisteredModel(spec: spec), replace: false)
        return spec
    }

    @Test("the input catalog lists the image objects below a prefix, skipping hidden and other objects")
    func catalog() async throws {
        let prefix = S3TestServer.freshPrefix()
        let bucket = S3TestServer.bucket
        let store = try S3ObjectStore(uri: "s3://\(bucket)/\(prefix)", configuration: try S3TestServer.configuration())
        for name in ["b/2.PNG", "a.jpg", ".hidden/x.jpg", "b/.y.jpg", "notes.txt", "c/d/3.webp"] {
            try await store.put(try ObjectKey(name), [1, 2, 3])
        }
        let reader = S3ResourceReader(configuration: try S3TestServer.configuration())
        var sources: [String] = []
        try await InputCatalog(reader: reader).forEachInput(.folder("s3://\(bucket)/\(prefix.dropLast())")) { sources.append($0) }
        #expect(sources == ["a.jpg", "b/2.PNG", "c/d/3.webp"].map { "s3://\(bucket)/\(prefix)\($0)" })

        // Without S3 the default reader says listing is unsupported.
        await #expect(throws: ObjectStoreError.self) {
            try await InputCatalog(reader: StandardResourceReader()).forEachInput(.folder("s3://\(bucket)/\(prefix)")) { _ in }
        }
    }

    @Test("a batch service deployed on s3://bucket/prefix runs the model over every object")
    func deployAndRun() async throws {
        let prefix = S3TestServer.freshPrefix()
        let bucket = S3TestServer.bucket
        let configuration = try S3TestServer.configuration()
        let store = try S3ObjectStore(uri: "s3://\(bucket)/\(prefix)", configuration: configuration)
        for name in ["cats/1.png", "dogs/2.png"] {
            try await store.put(try ObjectKey(name), Array("not really a png: \(name)".utf8))
        }
        let services = MemoryServiceStore()
        let spec = try await Self.registerInstantModel(in: services)
        let reader = S3ResourceReader(configuration: configuration)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-s3-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }

        let manager = BatchServiceManager(services: services, reader: reader)
        let deployed = try await manager.deploy(
            BatchServiceManager.DeployRequest(name: "s3-input", modelName: spec.name, input: "s3://\(bucket)/\(prefix)", output: output)
        )
        #expect(deployed.progress.total == 2)
        let finished = try await BatchServiceRunner(services: services, reader: reader, httpClient: .shared).run(serviceID: deployed.id)
        #expect(finished.status == .finished)
        let items = try await services.items(serviceID: deployed.id, after: -1, limit: 10, pendingOnly: false)
        #expect(items.map(\.source) == ["cats/1.png", "dogs/2.png"].map { "s3://\(bucket)/\(prefix)\($0)" })
        for item in items {
            guard case .succeeded(let path)? = item.outcome else {
                Issue.record("\(item.source) did not succeed: \(String(describing: item.outcome))")
                continue
            }
            #expect(FileManager.default.fileExists(atPath: output + "/" + path), "\(path)")
            // Named below the input prefix, as for a local folder: infer-result-RUN/cats/1.png_result.txt.
            #expect(path == "infer-result-\(finished.runID)/" + item.source.dropFirst("s3://\(bucket)/\(prefix)".count) + "_result.txt")
        }

        // An object-storage output may not lie inside the input (its results would become inputs), nor be a
        // bare bucket: both are refused with a clear message, and nothing is stored.
        let overlapping = try await #require(throws: EngineError.self) {
            _ = try await manager.deploy(BatchServiceManager.DeployRequest(
                name: "s3-output", modelName: spec.name, input: "s3://\(bucket)/\(prefix)", output: "s3://\(bucket)/\(prefix)results"))
        }
        #expect(overlapping.message.contains("must not overlap the input"))
        let bare = try await #require(throws: EngineError.self) {
            _ = try await manager.deploy(BatchServiceManager.DeployRequest(
                name: "s3-output", modelName: spec.name, input: "s3://\(bucket)/\(prefix)", output: "s3://\(bucket)"))
        }
        #expect(bare.message.contains("give a prefix below the bucket"))
        #expect(try await services.service(named: "s3-output") == nil)
    }

    @Test("a restart removes the previous run's objects from an S3 output; delete --remove-output removes them all")
    func outputObjectsAreRemoved() async throws {
        let prefix = S3TestServer.freshPrefix()
        let bucket = S3TestServer.bucket
        let configuration = try S3TestServer.configuration()
        let input = try S3ObjectStore(uri: "s3://\(bucket)/\(prefix)in/", configuration: configuration)
        for name in ["1.png", "2.png"] { try await input.put(try ObjectKey(name), Array("not really a png: \(name)".utf8)) }
        let services = MemoryServiceStore()
        let spec = try await Self.registerInstantModel(in: services)
        let reader = S3ResourceReader(configuration: configuration)
        let factory: OutputStoreFactory = { try S3ObjectStore(uri: $0, configuration: configuration) }
        let manager = BatchServiceManager(services: services, reader: reader, outputStores: factory)
        var runner = BatchServiceRunner(services: services, reader: reader, httpClient: .shared)
        runner.outputStores = factory
        let outputURI = "s3://\(bucket)/\(prefix)out"
        let output = try S3ObjectStore(uri: outputURI + "/", configuration: configuration)
        let deployed = try await manager.deploy(
            BatchServiceManager.DeployRequest(name: "s3-out", modelName: spec.name, input: "s3://\(bucket)/\(prefix)in", output: outputURI))
        let first = try await runner.run(serviceID: deployed.id)
        #expect(first.status == .finished)
        let firstKeys = try await output.list(prefix: "").map(\.rawValue)
        #expect(firstKeys.contains("infer-result-\(first.runID).manifest"), "\(firstKeys)")
        #expect(firstKeys.count == 3, "a manifest and two results: \(firstKeys)")

        // The output registers as a finished service of its own, read from S3.
        let imported = try await manager.importOutput(name: "s3-imported", type: .imageClassification, input: "s3://\(bucket)/\(prefix)in", output: outputURI + "/")
        #expect(imported.output == outputURI && imported.runID == first.runID && imported.status == .finished)
        #expect(imported.progress.succeeded == first.progress.succeeded && imported.progress.total == 2)
        let importedItems = try await services.items(serviceID: imported.id, after: -1, limit: 10, pendingOnly: false)
        let firstItems = try await services.items(serviceID: first.id, after: -1, limit: 10, pendingOnly: false)
        #expect(importedItems.map(\.source) == firstItems.map(\.source))
        #expect(importedItems.map(\.outcome) == firstItems.map(\.outcome))
        await #expect(throws: EngineError.self) {
            _ = try await manager.importOutput(name: "s3-nothing", type: .imageClassification, input: "s3://\(bucket)/\(prefix)in", output: "s3://\(bucket)/\(prefix)in")
        }
        try await manager.delete("s3-imported", removeOutput: false)

        let restarted = try await manager.prepareRestart("s3-out")
        #expect(try await output.list(prefix: "").isEmpty, "the previous run's objects are gone")
        let second = try await runner.run(serviceID: restarted.id)
        #expect(second.status == .finished && second.runID != first.runID)
        #expect(try await output.list(prefix: "").count == 3)

        try await manager.delete("s3-out", removeOutput: true)
        #expect(try await output.list(prefix: "").isEmpty)
        #expect(try await services.service(named: "s3-out") == nil)
        #expect(try await input.list(prefix: "").count == 2, "the input is untouched")
    }

    @Test("a training manifest on S3 is read for hard-example filtering; a missing one is named")
    func trainingManifest() async throws {
        let prefix = S3TestServer.freshPrefix()
        let bucket = S3TestServer.bucket
        let configuration = try S3TestServer.configuration()
        let store = try S3ObjectStore(uri: "s3://\(bucket)/\(prefix)", configuration: configuration)
        let manifest = """
            {"source":"s3://\(bucket)/\(prefix)a.jpg","usage":"TRAIN","annotation":[{"type":"modelarts/image_classification","name":"cat","annotated-by":"human"}]}
            {"source":"obs://\(bucket)/\(prefix)b.jpg","usage":"TRAIN","annotation":[{"type":"modelarts/image_classification","name":"dog","annotated-by":"human"}]}
            """
        try await store.put(try ObjectKey("train.manifest"), Array(manifest.utf8))
        let reader = TrainingSetReader(reader: S3ResourceReader(configuration: configuration))
        let training = try await reader.read("s3://\(bucket)/\(prefix)train.manifest", type: .imageClassification)
        #expect(training.samples == 2)
        #expect(training.labels.sorted() == ["cat", "dog"])
        let missing = try await #require(throws: ObjectStoreError.self) {
            _ = try await reader.read("s3://\(bucket)/\(prefix)nope.manifest", type: .imageClassification)
        }
        #expect(missing.code == .notFound)
        #expect(missing.message.contains("nope.manifest"))
    }
}
