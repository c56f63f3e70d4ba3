import Foundation
import Testing
import WinnowCore
import WinnowEngine
import WinnowObjects

/// Batch images on object storage: the pixel-based reasons run on images fetched through the mining
/// run's image reader, and without one (or for an object that cannot be read) each image is named.
@Suite struct RemoteImageMiningTests {
    /// The fixture's batch with every image named `s3://bucket/input/NAME` and no local path.
    struct ObjectStorageEntries: MiningEntrySource {
        let local: BatchOutputEntries

        func forEachChunk(chunkSize: Int, _ body: ([MiningEntry]) async throws -> Void) async throws {
            try await local.forEachChunk(chunkSize: chunkSize) { chunk in
                try await body(chunk.map { entry in
                    var remote = entry
                    remote.source = "s3://bucket/input/" + (entry.imagePath.map { ($0 as NSString).lastPathComponent } ?? "missing")
                    remote.imagePath = nil
                    return remote
                })
            }
        }
    }

    /// Serves `s3://bucket/KEY` from `folder/KEY`; `missing` names an object it refuses.
    struct FolderBucket: ResourceReader {
        let folder: String
        let missing: String

        func bytes(of location: ResourceLocation, maximumSize: Int) async throws -> [UInt8] {
            guard case .object("s3", "bucket", let key) = location, !key.hasSuffix(missing),
                  let data = FileManager.default.contents(atPath: folder + "/" + key) else {
                throw ObjectStoreError(.notFound, "\(location): no such object")
            }
            return [UInt8](data)
        }

        func chunks(of location: ResourceLocation, chunkSize: Int) async throws -> AsyncThrowingStream<[UInt8], any Error> {
            let bytes = try await bytes(of: location, maximumSize: .max)
            return AsyncThrowingStream { $0.yield(bytes); $0.finish() }
        }
    }

    func mine(_ fixture: MiningBatchFixture, imageReader: (any ResourceReader)?, remoteTraining: Bool = false) async throws -> MiningRun {
        let reader = StandardResourceReader()
        var engine = try HardExampleMining(options: MiningOptions(type: .imageClassification, concurrency: 2))
        engine.imageReader = imageReader
        let source = ObjectStorageEntries(local: try BatchOutputEntries(path: fixture.output, reader: reader))
        var training = try await TrainingSetReader(reader: reader).read(fixture.trainingManifest, type: .imageClassification)
        if remoteTraining {
            // The training images as s3://bucket/train/NAME.
            for position in training.items.indices {
                let name = (training.items[position].imagePath.map { ($0 as NSString).lastPathComponent }) ?? "missing"
                training.items[position].imagePath = nil
                training.items[position].imageLocation = .object(scheme: "s3", bucket: "bucket", key: "train/" + name)
            }
        }
        return try await engine.run(source, training: training)
    }

    @Test func pixelReasonsRunOnFetchedImagesAndAnUnreadableObjectIsNamed() async throws {
        let fixture = try MiningBatchFixture()
        defer { fixture.remove() }
        let bucket = FolderBucket(folder: fixture.root, missing: "img03.png")
        let run = try await mine(fixture, imageReader: bucket)
        let byIndex = Dictionary(uniqueKeysWithValues: run.result.samples.map { ($0.index, $0) })
        let dark = try #require(byIndex[fixture.darkIndex]?.info)
        #expect(dark.reasons.contains(7), "the dark image fetched from the bucket drifts: \(dark.reasons)")
        #expect(run.problems.contains { $0.contains("s3://bucket/input/img03.png") && $0.contains("cannot read the image") }, "\(run.problems)")
        #expect(!run.problems.contains { $0.contains("no object-storage reader") })
    }

    @Test func trainingImagesOnObjectStorageAreMeasuredThroughTheReader() async throws {
        let fixture = try MiningBatchFixture()
        defer { fixture.remove() }
        let run = try await mine(fixture, imageReader: FolderBucket(folder: fixture.root, missing: "t07.png"), remoteTraining: true)
        #expect(run.notes.contains { $0.contains("training images measured: 39 of 40") }, "\(run.notes)")
        #expect(run.notes.contains { $0.contains("s3://bucket/train/t07.png") }, "the unreadable one is named: \(run.notes)")
        let dark = try #require(run.result.samples.first { $0.index == fixture.darkIndex }?.info)
        let brightness = try #require(dark.details.first { $0.reason == 7 })
        #expect(brightness.reference?.contains("training") == true, "\(brightness.reference ?? "")")
    }

    @Test func withoutAnImageReaderEachRemoteImageIsNamedAndItsPixelReasonsSkipped() async throws {
        let fixture = try MiningBatchFixture()
        defer { fixture.remove() }
        let run = try await mine(fixture, imageReader: nil)
        let dark = try #require(run.result.samples.first { $0.index == fixture.darkIndex }?.info)
        #expect(!dark.reasons.contains(7))
        #expect(run.problems.contains { $0.contains("s3://bucket/input/img05.png") && $0.contains("no object-storage reader") }, "\(run.problems)")
    }
}
