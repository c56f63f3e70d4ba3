import Foundation
import Testing
import WinnowCore

/// Reasons 0 and 1 on a real batch output (`../shared/fixtures/digits-classification`): a digits
/// classifier's top-5 answers, its training manifest, and the ground truth of which answers are wrong.
/// The default configuration is used as is — the thresholds are not tuned to these files.
@Suite(.enabled(if: DigitsFixture.available, "\(DigitsFixture.skipMessage)"))
struct DigitsFixtureTests {
    @Test func topTenPercentByCoefficientHoldClearlyMoreModelErrorsThanRandom() throws {
        let truth = try DigitsFixture.groundTruth()
        let classLabels = try DigitsFixture.trainingLabels()
        #expect(classLabels.count == 10)

        var configuration = MiningConfiguration.only([0, 1])
        configuration.classification.classCount = classLabels.count
        var reference = TrainingReference(configuration: configuration)
        for label in try DigitsFixture.trainingItems() { reference.add(ReferenceItem(classLabels: [label])) }
        let training = reference.finalize()

        // Phase 1, written to JSON lines and read back as a worker's partial file would be.
        let phase1 = MiningPhase1(configuration: configuration)
        var phase2 = MiningPhase2(configuration: configuration, training: training)
        let samples = try DigitsFixture.samples()
        for sample in samples {
            let line = phase1.score(sample).jsonLine()
            phase2.add(try SampleScores(jsonLine: Array(line.utf8)))
        }
        let result = phase2.finish()
        #expect(result.samples.count == 719)
        #expect(result.samples.filter { $0.failure != nil }.count == 3)
        #expect(result.scoredCount == 716)

        let scored = result.samples.filter { $0.info != nil }
        let isError: (MinedSample) -> Bool = { truth[DigitsFixture.name($0.source)] == false }
        let errors = scored.filter(isError).count
        #expect(errors > 0)
        let ranked = scored.sorted { ($0.info?.coefficient ?? 0, -$0.index) > ($1.info?.coefficient ?? 0, -$1.index) }
        let top = Array(ranked.prefix(Int((Double(scored.count) * 0.1).rounded())))
        let topPrecision = Double(top.filter(isError).count) / Double(top.count)
        let baseRate = Double(errors) / Double(scored.count)

        var generator = SeededGenerator(seed: 42)
        var randomPrecisions: [Double] = []
        for _ in 0..<1000 {
            let pick = scored.shuffled(using: &generator).prefix(top.count)
            randomPrecisions.append(Double(pick.filter(isError).count) / Double(top.count))
        }
        let randomPrecision = randomPrecisions.reduce(0, +) / Double(randomPrecisions.count)
        let hard = scored.filter { $0.info?.isHard == true }
        let hardPrecision = hard.isEmpty ? 0 : Double(hard.filter(isError).count) / Double(hard.count)
        print(
            "digits: \(scored.count) scored, \(errors) model errors (\(percent(baseRate))); top \(top.count) by coefficient: \(percent(topPrecision)) errors; "
                + "random \(top.count): \(percent(randomPrecision)) (mean of 1000 seeded draws); hard \(hard.count): \(percent(hardPrecision)) errors")
        #expect(topPrecision >= 2 * randomPrecision, "top 10% precision \(topPrecision) vs random \(randomPrecision)")
        #expect(result.hardCount == hard.count)
        #expect(hard.allSatisfy { $0.info?.reasons.allSatisfy { [0, 1].contains($0) } == true })
        #expect(hard.allSatisfy { ($0.info?.details.count ?? 0) == ($0.info?.reasons.count ?? -1) })
    }

    private func percent(_ value: Double) -> String {
        String(format: "%.1f%%", value * 100)
    }
}

/// The digits fixture's files.
enum DigitsFixture {
    static let folder = "digits-classification"
    static var available: Bool {
        guard let directory = SharedFixtures.directory else { return false }
        return FileManager.default.fileExists(atPath: directory.appendingPathComponent(folder + "/batch-output/infer-result-digits01.manifest").path)
    }

    static let skipMessage = "skipped: ../shared/fixtures/digits-classification is absent (CI has it; a fresh clone may not)"

    /// The file name of a source path.
    static func name(_ source: String) -> String {
        String(source.split(separator: "/").last ?? Substring(source))
    }

    static func lines(_ path: String) throws -> [ManifestLine] {
        let text = String(decoding: try SharedFixtures.bytes(folder + "/" + path), as: UTF8.self)
        return try text.split(separator: "\n").enumerated().map { try ManifestCodec.decodeLine(String($0.element), line: $0.offset + 1, file: path) }
    }

    /// The batch output as mining samples: answers parsed with the ModelArts codec, failures kept.
    static func samples() throws -> [MiningSample] {
        try lines("batch-output/infer-result-digits01.manifest").enumerated().map { index, line in
            guard line.result == "SUCCESSFUL", let location = line.inferenceLocation else {
                return MiningSample(index: index, source: line.source, outcome: .failure(line.errorMessage ?? "no result"))
            }
            let bytes = try SharedFixtures.bytes(folder + "/batch-output/" + location)
            let prediction = try PredictionCodec.decode(bytes, type: .imageClassification, file: location)
            return MiningSample(index: index, source: line.source, prediction: prediction)
        }
    }

    /// The class label of every training line.
    static func trainingItems() throws -> [String] {
        try lines("train-manifest/digits-train.manifest").compactMap { $0.annotations.first?.name }
    }

    static func trainingLabels() throws -> Set<String> {
        Set(try trainingItems())
    }

    /// Whether the model got each batch image right, by file name.
    static func groundTruth() throws -> [String: Bool] {
        let text = String(decoding: try SharedFixtures.bytes(folder + "/ground-truth.jsonl"), as: UTF8.self)
        var truth: [String: Bool] = [:]
        for line in text.split(separator: "\n") {
            guard let object = try JSONParser.parse(String(line)).objectValue, let source = object["source"]?.stringValue,
                  case .bool(let correct)? = object["correct"]
            else { continue }
            truth[name(source)] = correct
        }
        return truth
    }
}
