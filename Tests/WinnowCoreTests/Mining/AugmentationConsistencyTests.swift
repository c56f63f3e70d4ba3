import Testing
import WinnowCore

@Suite struct AugmentationConsistencyTests {
    private let configuration = MiningConfiguration.only(Array(19...29))

    @Test func classificationFiresOnAnotherLabelOrALargeDrop() throws {
        let original = MiningFixtures.classification([("cat", 0.9), ("dog", 0.1)])
        let sample = MiningSample(
            index: 0, source: "a.png", outcome: .prediction(original),
            augmentedPredictions: [
                .flipLeftRight: MiningFixtures.classification([("dog", 0.6), ("cat", 0.4)]),
                .gaussianBlur: MiningFixtures.classification([("cat", 0.55), ("dog", 0.45)]),
                .sharpen: MiningFixtures.classification([("cat", 0.85), ("dog", 0.15)]),
                // cat is not listed in this top-2 answer: it scores at most min(0.2, 1 − 0.9) = 0.1.
                .invert: MiningFixtures.classification([("dog", 0.7), ("bird", 0.2)]),
            ])
        let record = MiningPhase1(configuration: configuration).score(sample)
        #expect(record.augmentations.map(\.kind) == [.gaussianBlur, .flipLeftRight, .sharpen, .invert])
        let info = try #require(MiningFixtures.mine([sample], configuration: configuration).samples.first?.info)
        #expect(info.reasons == [19, 20, 29])
        let scores = Dictionary(uniqueKeysWithValues: info.details.map { ($0.reason, $0.score ?? -1) })
        #expect(abs((scores[19] ?? 0) - 0.35) < 1e-12)
        #expect(abs((scores[20] ?? 0) - 0.5) < 1e-12)
        #expect(abs((scores[29] ?? 0) - 0.8) < 1e-12)
        let flip = try #require(info.details.first { $0.reason == 20 })
        #expect(flip.reference == "fliplr: top label 'dog' (original 'cat'); probability of 'cat' 0.9 → 0.4 (tolerated drop 0.3)")
        #expect(flip.suggestion == HardReason.catalogue[20].suggestion)
    }

    @Test func detectionMatchesBoxesByIoUInTheOriginalFrame() throws {
        let original = MiningFixtures.detection([
            MiningFixtures.box("cat", 0, 0, 10, 10, score: 0.9),
            MiningFixtures.box("dog", 20, 20, 30, 30, score: 0.8),
        ])
        let sample = MiningSample(
            index: 0, source: "a.png", outcome: .prediction(original),
            augmentedPredictions: [
                // Same objects, slightly shifted: consistent.
                .flipLeftRight: MiningFixtures.detection([MiningFixtures.box("cat", 1, 0, 11, 10, score: 0.88), MiningFixtures.box("dog", 20, 21, 30, 31, score: 0.7)]),
                // The dog is lost.
                .crop: MiningFixtures.detection([MiningFixtures.box("cat", 0, 0, 10, 10, score: 0.9)]),
                // The dog became a cat, and a new person appeared.
                .scale: MiningFixtures.detection([
                    MiningFixtures.box("cat", 0, 0, 10, 10, score: 0.9), MiningFixtures.box("cat", 20, 20, 30, 30, score: 0.6),
                    MiningFixtures.box("person", 50, 50, 70, 90, score: 0.7),
                ]),
            ])
        let info = try #require(MiningFixtures.mine([sample], configuration: configuration).samples.first?.info)
        #expect(info.reasons == [21, 23])
        let crop = try #require(info.details.first { $0.reason == 21 })
        #expect(crop.measured == 1)
        #expect(abs((crop.score ?? 0) - 0.5) < 1e-12)
        #expect(crop.reference == "crop: boxes matched at IoU ≥ 0.5: 1 matched, 0 relabelled, 1 lost, 0 new")
        let scale = try #require(info.details.first { $0.reason == 23 })
        #expect(scale.measured == 2)
        #expect(abs((scale.score ?? 0) - 2.0 / 3) < 1e-12)
    }

    @Test func mismatchedAnswerKindsAndDisabledReasonsAreIgnored() {
        let sample = MiningSample(
            index: 0, source: "a.png", outcome: .prediction(MiningFixtures.classification([("cat", 0.9), ("dog", 0.1)])),
            augmentedPredictions: [.add: MiningFixtures.detection([]), .invert: MiningFixtures.classification([("dog", 0.9)])])
        let record = MiningPhase1(configuration: .only([19, 20])).score(sample)
        #expect(record.augmentations.isEmpty)
        let both = MiningPhase1(configuration: configuration).score(sample)
        #expect(both.augmentations.map(\.kind) == [.invert])
    }

    @Test func augmentationKindsMapToReasons19To29() {
        #expect(AugmentationKind.allCases.map(\.reasonID) == Array(19...29))
        #expect(AugmentationKind(reasonID: 22) == .flipUpDown)
        #expect(AugmentationKind(reasonID: 30) == nil)
        #expect(AugmentationKind.flipLeftRight.rawValue == "fliplr")
    }
}
