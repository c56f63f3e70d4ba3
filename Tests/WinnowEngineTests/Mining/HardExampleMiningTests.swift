import Foundation
import Testing
import WinnowCore
import WinnowEngine
import WinnowObjects

/// The engine's mining run on a self-made batch output: pixels measured, training statistics used,
/// failures reported, sharding equal to a single run, output deterministic.
@Suite struct HardExampleMiningTests {
    let reader = StandardResourceReader()

    func mine(_ fixture: MiningBatchFixture, configuration: MiningConfiguration = MiningConfiguration(), type: LabelingType = .imageClassification,
              prober: AugmentationProber? = nil) async throws -> (MiningRun, HardExampleMining, BatchOutputEntries) {
        let engine = try HardExampleMining(options: MiningOptions(configuration: configuration, type: type, concurrency: 2), prober: prober)
        let source = try BatchOutputEntries(path: fixture.output, reader: reader)
        let training = try await TrainingSetReader(reader: reader).read(fixture.trainingManifest, type: type)
        return (try await engine.run(source, training: training), engine, source)
    }

    @Test func theDarkImageDriftsTheUnsureOneIsLowConfidenceAndTheFailedLineIsReported() async throws {
        let fixture = try MiningBatchFixture()
        defer { fixture.remove() }
        let (run, _, _) = try await mine(fixture)
        #expect(run.entries == fixture.count)
        #expect(run.failures == 1)
        let byIndex = Dictionary(uniqueKeysWithValues: run.result.samples.map { ($0.index, $0) })
        #expect(byIndex[fixture.failedIndex]?.failure == "cannot identify image file")
        let dark = try #require(byIndex[fixture.darkIndex]?.info)
        #expect(dark.isHard && dark.reasons.contains(7), "\(dark.reasons)")
        let brightness = try #require(dark.details.first { $0.reason == 7 })
        #expect(brightness.reference?.contains("training") == true, "\(brightness.reference ?? "")")
        let unsure = try #require(byIndex[fixture.unsureIndex]?.info)
        #expect(unsure.reasons.contains(1), "\(unsure.reasons)")
        #expect(run.notes.contains { $0.contains("training images measured: 40 of 40") }, "\(run.notes)")
        #expect(run.builtinEmbeddings)
    }

    @Test func aBudgetKeepsTheHighestCoefficients() async throws {
        let fixture = try MiningBatchFixture()
        defer { fixture.remove() }
        var configuration = MiningConfiguration()
        configuration.selection.maximumCount = 1
        configuration.selection.ranking = .coefficient
        configuration.selection.diversity = false
        let (run, _, _) = try await mine(fixture, configuration: configuration)
        #expect(run.result.selection.count == 1)
        let best = run.result.samples.compactMap { sample in sample.info.map { (sample.index, $0.coefficient ?? 0) } }.max { $0.1 < $1.1 }
        #expect(run.result.selection == [best?.0].compactMap { $0 })
    }

    @Test func shardsThenPhaseTwoGiveTheSameResultAsOneRun() async throws {
        let fixture = try MiningBatchFixture()
        defer { fixture.remove() }
        let (single, engine, source) = try await mine(fixture)
        var partials: [String] = []
        for part in 1...3 {
            let shard = try MiningOptions.Shard(parsing: "\(part)/3")
            let path = fixture.root + "/part\(part).jsonl"
            _ = try await engine.writePartial(source, hasTraining: true, shard: shard, to: path)
            partials.append(path)
        }
        let training = try await TrainingSetReader(reader: reader).read(fixture.trainingManifest, type: .imageClassification)
        let combined = try await engine.run(partials: partials.reversed(), source: source, training: training)
        #expect(combined.result.samples == single.result.samples)
        #expect(combined.result.selection == single.result.selection)
    }

    @Test func theHardExamplesManifestIsTheSameByteForByteTwice() async throws {
        let fixture = try MiningBatchFixture()
        defer { fixture.remove() }
        var outputs: [Data] = []
        for attempt in 0..<2 {
            let (run, engine, source) = try await mine(fixture)
            let path = fixture.root + "/hard\(attempt).manifest"
            let writer = try SampleManifestWriter(path: path, clearHard: false)
            try await engine.forEachSelected(run, in: source, datasetID: "", annotatedBy: "test", stableIDs: true) { samples in
                for sample in samples { try writer.write(sample) }
            }
            try writer.commit()
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(outputs[0] == outputs[1])
        let text = String(decoding: outputs[0], as: UTF8.self)
        #expect(text.contains("\"hard\":\"true\"") || text.contains("\"hard\":true"), "\(text.prefix(300))")
        #expect(text.contains("hard-reasons"))
        #expect(text.contains("img05.png"))
    }

    @Test func detectionSamplesGetTheirImageSizeAndBoxes() async throws {
        let fixture = try MiningBatchFixture(detection: true)
        defer { fixture.remove() }
        let (run, engine, source) = try await mine(fixture, type: .objectDetection)
        #expect(run.imageSizes[fixture.darkIndex] == ImageSize(width: 32, height: 32, depth: 1))
        var written: [Sample] = []
        try await engine.forEachSelected(run, in: source, datasetID: "d", annotatedBy: "test", stableIDs: true) { written += $0 }
        let dark = try #require(written.first { $0.source.hasSuffix("img05.png") })
        #expect(dark.imageSize == ImageSize(width: 32, height: 32, depth: 1))
        #expect(dark.labels.first?.shape != nil)
        #expect(dark.state == .toBeConfirmed)
    }

    @Test func unreadableImagesAndAnswersAreReportedNotFatal() async throws {
        let fixture = try MiningBatchFixture()
        defer { fixture.remove() }
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: fixture.root + "/input/img03.png"))
        try Data("{broken".utf8).write(to: URL(fileURLWithPath: fixture.output + "/infer-result/img04.png_result.txt"))
        let (run, _, _) = try await mine(fixture)
        #expect(run.entries == fixture.count)
        #expect(run.problemCount == 2, "\(run.problems)")
        #expect(run.problems.contains { $0.contains("img03.png") })
        #expect(run.problems.contains { $0.contains("img04.png") })
        #expect(run.failures == 2)
    }

    @Test func aBrokenOutputManifestNamesFileLineAndField() async throws {
        let fixture = try MiningBatchFixture()
        defer { fixture.remove() }
        let manifest = fixture.output + "/infer-result-test01.manifest"
        try Data(#"{"source": "../input/img00.png", "result": "MAYBE"}"#.utf8).write(to: URL(fileURLWithPath: manifest))
        let source = try BatchOutputEntries(path: fixture.output, reader: reader)
        let engine = try HardExampleMining(options: MiningOptions(type: .imageClassification))
        let error = await #expect(throws: EngineError.self) { _ = try await engine.run(source, training: nil) }
        #expect(error?.problems.first?.line == 1)
        #expect(error?.problems.first?.field == "result")
    }

    @Test func augmentationsAskTheModelAndAFlipThatChangesTheAnswerFires() async throws {
        let fixture = try MiningBatchFixture()
        defer { fixture.remove() }
        let prober = AugmentationProber(client: FlipSensitiveModel(), type: .imageClassification, kinds: [.flipLeftRight, .gaussianBlur], seed: 0)
        let (run, _, _) = try await mine(fixture, prober: prober)
        let scored = run.result.samples.compactMap(\.info)
        #expect(!scored.isEmpty)
        for info in scored {
            #expect(info.reasons.contains(20), "fliplr changed the answer: \(info.reasons)")
            #expect(!info.reasons.contains(19))
        }
        #expect(run.notes.contains { $0.contains("fliplr (20)") })
    }

    @Test func badConfigurationsAreRefusedNamingTheField() {
        var configuration = MiningConfiguration()
        configuration.selection.maximumFraction = 2
        #expect(throws: EngineError.self) { try HardExampleMining(options: MiningOptions(configuration: configuration, type: .imageClassification)) }
        #expect(throws: EngineError.self) { try HardExampleMining(options: MiningOptions(type: .imageSegmentation)) }
    }
}

/// A model that answers "cat" unless the image is mirrored, which it tells from the file name the
/// prober sends — so the test controls what each augmentation does to the answer.
struct FlipSensitiveModel: ModelClient {
    func predict(image: [UInt8], fileName: String) async throws(ModelCallError) -> [UInt8] {
        let label = fileName.contains(".fliplr.") ? "bird" : (fileName.hasPrefix("img") && Int(fileName.dropFirst(3).prefix(2)).map { $0 % 2 == 1 } == true ? "dog" : "cat")
        return Array(#"{"predicted_label": "\#(label)", "scores": [["\#(label)", "0.96"], ["other", "0.03"]]}"#.utf8)
    }
}
