import Testing
import WinnowCore

@Suite struct PredictionRulesTests {
    private let onlyZeroAndOne = MiningConfiguration.only([0, 1])

    private func info(_ prediction: Prediction, configuration: MiningConfiguration? = nil, training: ReferenceStatistics? = nil) throws -> HardExampleInfo {
        let result = MiningFixtures.mine([MiningSample(index: 0, source: "a.png", prediction: prediction)], configuration: configuration ?? onlyZeroAndOne, training: training)
        return try #require(result.samples.first?.info)
    }

    @Test(arguments: [
        (MiningFixtures.classification([]), "no class scores"),
        (MiningFixtures.classification([("cat", 0), ("dog", .nan)]), "0 or not a number"),
        (MiningFixtures.classification([("cat", 0.9)], predicted: ""), "empty"),
        (MiningFixtures.classification([("cat", 0.9), ("dog", 0.1)], predicted: "bird"), "not among"),
        (MiningFixtures.detection([MiningFixtures.box("car", 0, 0, 10, 10, score: 0.2)]), "no box scores ≥ 0.3"),
        (MiningFixtures.detection([]), "no box scores ≥ 0.3"),
    ])
    func reasonZeroFiresWithoutAUsableTarget(prediction: Prediction, expected: String) throws {
        let info = try self.info(prediction)
        #expect(info.isHard)
        #expect(info.reasons == [0])
        #expect(info.coefficient == 1)
        let detail = try #require(info.details.first)
        #expect(detail.reference?.contains(expected) == true, "\(detail.reference ?? "")")
        #expect(detail.suggestion == HardReason.catalogue[0].suggestion)
    }

    @Test func backgroundLabelsAreNoTarget() throws {
        var configuration = onlyZeroAndOne
        configuration.classification.backgroundLabels = ["background"]
        let info = try self.info(MiningFixtures.classification([("background", 0.95), ("cat", 0.05)]), configuration: configuration)
        #expect(info.reasons == [0])
    }

    @Test func confidentClassificationIsNotHard() throws {
        let info = try self.info(MiningFixtures.classification([("cat", 0.97), ("dog", 0.02), ("cow", 0.01)]))
        #expect(!info.isHard)
        #expect(info.reasons.isEmpty)
        // The coefficient still ranks: 1 − margin = 0.05.
        #expect(abs((info.coefficient ?? 0) - 0.05) < 1e-12)
    }

    @Test func smallMarginFiresReasonOneWithTheMarginAsMeasuredValue() throws {
        var configuration = onlyZeroAndOne
        configuration.classification.classCount = 3
        let info = try self.info(MiningFixtures.classification([("cat", 0.55), ("dog", 0.4), ("cow", 0.05)]), configuration: configuration)
        #expect(info.reasons == [1])
        let detail = try #require(info.details.first)
        #expect(abs((detail.measured ?? 0) - 0.15) < 1e-12)
        #expect(abs((detail.score ?? 0) - 0.85) < 1e-12)
        #expect(detail.reference?.contains("margin p1 − p2 = 0.15 < 0.2 (fixed)") == true, "\(detail.reference ?? "")")
    }

    /// Training answers: `cat` has mean self-confidence 0.9 (threshold 0.72), `dog` 0.6 (threshold 0.48);
    /// `bird` has too few items and keeps the fixed 0.5.
    private func trainingWithAnswers() -> ReferenceStatistics {
        var reference = TrainingReference(configuration: onlyZeroAndOne)
        for _ in 0..<10 {
            reference.add(ReferenceItem(classLabels: ["cat"], prediction: ClassificationPrediction(predictedLabel: "cat", scores: [ClassScore(label: "cat", score: 0.9), ClassScore(label: "dog", score: 0.1)])))
            reference.add(ReferenceItem(classLabels: ["dog"], prediction: ClassificationPrediction(predictedLabel: "dog", scores: [ClassScore(label: "dog", score: 0.6), ClassScore(label: "cat", score: 0.4)])))
        }
        for _ in 0..<3 {
            reference.add(ReferenceItem(classLabels: ["bird"], prediction: ClassificationPrediction(predictedLabel: "bird", scores: [ClassScore(label: "bird", score: 0.99)])))
        }
        return reference.finalize()
    }

    private var selfConfidenceOnly: MiningConfiguration {
        var configuration = onlyZeroAndOne
        configuration.lowConfidence.margin.isEnabled = false
        configuration.lowConfidence.entropyConfidence.isEnabled = false
        return configuration
    }

    @Test func perClassThresholdsComeFromTheTrainingSelfConfidence() throws {
        let training = trainingWithAnswers()
        let summary = try #require(training.classConfidence["cat"])
        #expect(summary.count == 10)
        #expect(abs(summary.meanSelfConfidence - 0.9) < 1e-12)
        #expect(abs(summary.meanMargin - 0.8) < 1e-12)

        // 0.7 < 0.8 × 0.9 = 0.72 for cat, although above the fixed 0.5.
        let cat = try self.info(MiningFixtures.classification([("cat", 0.7), ("dog", 0.3)]), configuration: selfConfidenceOnly, training: training)
        #expect(cat.reasons == [1])
        #expect(cat.details.first?.reference?.contains("top score 0.7 < 0.72 (0.8 × training mean 0.9 of 'cat')") == true, "\(cat.details.first?.reference ?? "")")
        // 0.49 ≥ 0.8 × 0.6 = 0.48 for dog, although below the fixed 0.5.
        let dog = try self.info(MiningFixtures.classification([("dog", 0.49), ("cat", 0.3), ("bird", 0.21)]), configuration: selfConfidenceOnly, training: training)
        #expect(dog.reasons.isEmpty)
        // bird: 3 items < minimumClassCount 10, so the fixed 0.5 applies.
        let bird = try self.info(MiningFixtures.classification([("bird", 0.49), ("cat", 0.3), ("dog", 0.21)]), configuration: selfConfidenceOnly, training: training)
        #expect(bird.reasons == [1])
        #expect(bird.details.first?.reference?.contains("(fixed)") == true)
    }

    @Test func withoutTrainingAnswersTheBatchGivesTheClassMeans() throws {
        // Ten confident cats (0.95) and one at 0.7: threshold 0.8 × mean ≈ 0.74.
        var samples = (0..<10).map { MiningSample(index: $0, source: "c\($0).png", prediction: MiningFixtures.classification([("cat", 0.95), ("dog", 0.05)])) }
        samples.append(MiningSample(index: 10, source: "c10.png", prediction: MiningFixtures.classification([("cat", 0.7), ("dog", 0.3)])))
        let result = MiningFixtures.mine(samples, configuration: selfConfidenceOnly)
        let odd = try #require(result.sample(10)?.info)
        #expect(odd.reasons == [1])
        // Batch mean (10 × 0.95 + 0.7) / 11 = 0.927; threshold 0.742.
        #expect(odd.details.first?.reference?.contains("top score 0.7 < 0.742 (0.8 × batch mean 0.927 of 'cat')") == true, "\(odd.details.first?.reference ?? "")")
        #expect(result.samples.prefix(10).allSatisfy { $0.info?.isHard == false })
    }

    @Test func detectionLowConfidenceUsesIBTAndMeanScore() throws {
        let boxes = [0.9, 0.45, 0.35, 0.4].enumerated().map { MiningFixtures.box("car", Double($0.offset) * 20, 0, Double($0.offset) * 20 + 10, 10, score: $0.element) }
        let info = try self.info(MiningFixtures.detection(boxes))
        #expect(info.reasons == [1])
        let detail = try #require(info.details.first)
        #expect(detail.measured == 0.75)
        #expect(detail.reference?.contains("3 of 4 boxes score ≤ 0.5") == true, "\(detail.reference ?? "")")
        #expect(detail.reference?.contains("Sedna IBT") == true)
        let confident = try self.info(MiningFixtures.detection([
            MiningFixtures.box("car", 0, 0, 10, 10, score: 0.9), MiningFixtures.box("car", 20, 0, 30, 10, score: 0.8),
            MiningFixtures.box("car", 40, 0, 50, 10, score: 0.35),
        ]))
        #expect(confident.reasons.isEmpty)
    }

    @Test func confidenceBandFiresOnlyWhenEnabled() throws {
        let answer = MiningFixtures.detection([MiningFixtures.box("car", 0, 0, 10, 10, score: 0.95), MiningFixtures.box("car", 20, 0, 30, 10, score: 0.9), MiningFixtures.box("car", 40, 0, 50, 10, score: 0.55)])
        #expect(try self.info(answer).reasons.isEmpty)
        var configuration = onlyZeroAndOne
        configuration.lowConfidence.uncertainBandEnabled = true
        let banded = try self.info(answer, configuration: configuration)
        #expect(banded.reasons == [1])
        #expect(banded.details.first?.reference?.contains("HiLens CSF") == true)
    }

    @Test func failuresAreNotScored() {
        let result = MiningFixtures.mine([MiningSample(index: 0, source: "x.png", outcome: .failure("cannot identify image file"))], configuration: onlyZeroAndOne)
        #expect(result.samples.first?.info == nil)
        #expect(result.samples.first?.failure == "cannot identify image file")
        #expect(result.scoredCount == 0 && result.hardCount == 0 && result.selection.isEmpty)
    }
}
